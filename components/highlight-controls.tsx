import type { JSX } from 'preact';
import { TERM_CATEGORIES, type TermCategory } from '../utils/corpus-types';
import {
  EVERYWHERE,
  HOVER_DELAY_RANGE,
  withSenseCorrectionUndone,
  withTermShown,
  type SenseCorrection,
  type Settings,
} from '../utils/settings';

const CATEGORY_LABEL: Record<TermCategory, string> = {
  organisation: 'Organisations',
  instrument: 'Resolutions and instruments',
  programme: 'Programmes',
  concept: 'Concepts',
  group: 'Groups',
};

/**
 * The highlighting controls: pause, this site on or off, density, categories and the terms hidden
 * on each site. Renders the settings it is given and hands back changed settings; the caller
 * stores them.
 */
export function HighlightControls({
  settings,
  hostname,
  siteEnabled,
  termLabels = {},
  onSiteChange,
  onChange,
}: {
  settings: Settings;
  /** The active tab's host, or null on pages Pledgemark cannot run on. */
  hostname: string | null;
  siteEnabled: boolean;
  /** Term labels by id, for the hidden terms; a term without one is shown by its id. */
  termLabels?: Readonly<Record<string, string>>;
  onSiteChange: (enabled: boolean) => void;
  onChange: (settings: Settings) => void;
}): JSX.Element {
  const toggleCategory = (category: TermCategory, on: boolean) =>
    onChange({
      ...settings,
      categories: on
        ? TERM_CATEGORIES.filter(
            (known) => known === category || settings.categories.includes(known),
          )
        : settings.categories.filter((known) => known !== category),
    });
  return (
    <section class="controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" class="section-heading">
        Highlighting
      </h2>
      <label class="switch">
        <input
          type="checkbox"
          checked={!settings.paused}
          onChange={(event) => onChange({ ...settings, paused: !event.currentTarget.checked })}
        />
        <span>{settings.paused ? 'Paused everywhere' : 'On'}</span>
      </label>
      {hostname ? (
        <label class="switch">
          <input
            type="checkbox"
            checked={siteEnabled}
            disabled={settings.paused}
            onChange={(event) => onSiteChange(event.currentTarget.checked)}
          />
          <span>Highlight on {hostname}</span>
        </label>
      ) : (
        <p class="muted">Pledgemark does not highlight on this kind of page.</p>
      )}
      <fieldset class="choice">
        <legend>Show</legend>
        <label>
          <input
            type="radio"
            name="density"
            checked={settings.density === 'every'}
            onChange={() => onChange({ ...settings, density: 'every' })}
          />
          every occurrence
        </label>
        <label>
          <input
            type="radio"
            name="density"
            checked={settings.density === 'first'}
            onChange={() => onChange({ ...settings, density: 'first' })}
          />
          first occurrence of each term
        </label>
      </fieldset>
      <fieldset class="choice">
        <legend>Cards</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.cardTrigger === 'modifier'}
            onChange={(event) =>
              onChange({
                ...settings,
                cardTrigger: event.currentTarget.checked ? 'modifier' : 'hover',
              })
            }
          />
          open only while Alt is held
        </label>
        <label class="delay">
          open after resting{' '}
          <input
            type="number"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(event) => {
              const value = Math.round(Number(event.currentTarget.value));
              if (value >= HOVER_DELAY_RANGE.min && value <= HOVER_DELAY_RANGE.max) {
                onChange({ ...settings, hoverDelayMs: value });
              }
            }}
          />{' '}
          ms
        </label>
      </fieldset>
      <fieldset class="choice">
        <legend>Categories</legend>
        {TERM_CATEGORIES.map((category) => (
          <label key={category}>
            <input
              type="checkbox"
              checked={settings.categories.includes(category)}
              onChange={(event) => toggleCategory(category, event.currentTarget.checked)}
            />
            {CATEGORY_LABEL[category]}
          </label>
        ))}
      </fieldset>
      <HiddenTerms
        settings={settings}
        termLabels={termLabels}
        onShow={(host, termId) => onChange(withTermShown(settings, host, termId))}
      />
      <SenseCorrections
        settings={settings}
        termLabels={termLabels}
        onUndo={(correction) => onChange(withSenseCorrectionUndone(settings, correction))}
      />
    </section>
  );
}

/** The terms the reader hid, site by site (every site, not only the tab's), each to show again. */
function HiddenTerms({
  settings,
  termLabels,
  onShow,
}: {
  settings: Settings;
  termLabels: Readonly<Record<string, string>>;
  onShow: (host: string, termId: string) => void;
}): JSX.Element | null {
  const label = (termId: string) => termLabels[termId] ?? termId;
  const sites = Object.entries(settings.hiddenTerms)
    .filter(([, termIds]) => termIds.length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  if (sites.length === 0) return null;
  return (
    <section class="hidden-terms" aria-labelledby="hidden-terms-heading">
      <h3 id="hidden-terms-heading" class="hidden-terms-heading">
        Hidden terms
      </h3>
      <ul class="hidden-terms-sites">
        {sites.map(([host, termIds]) => (
          <li key={host}>
            <span class="hidden-terms-host">{host}</span>
            <ul class="hidden-terms-list" aria-label={`Hidden on ${host}`}>
              {[...termIds]
                .sort((a, b) => label(a).localeCompare(label(b)))
                .map((termId) => (
                  <li key={termId}>
                    <span>{label(termId)}</span>
                    <button
                      type="button"
                      aria-label={`Show “${label(termId)}” on ${host} again`}
                      onClick={() => onShow(host, termId)}
                    >
                      Show again
                    </button>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The aliases the reader said were not the term's meaning ("Not this meaning"), each to undo. */
function SenseCorrections({
  settings,
  termLabels,
  onUndo,
}: {
  settings: Settings;
  termLabels: Readonly<Record<string, string>>;
  onUndo: (correction: SenseCorrection) => void;
}): JSX.Element | null {
  if (settings.senseCorrections.length === 0) return null;
  const where = (host: string) => (host === EVERYWHERE ? 'everywhere' : `on ${host}`);
  return (
    <section class="hidden-terms" aria-labelledby="sense-corrections-heading">
      <h3 id="sense-corrections-heading" class="hidden-terms-heading">
        Not this meaning
      </h3>
      <ul class="hidden-terms-list">
        {settings.senseCorrections.map((correction) => {
          const label = termLabels[correction.termId] ?? correction.termId;
          return (
            <li key={`${correction.termId} ${correction.alias} ${correction.host}`}>
              <span>
                “{correction.alias}” is not {label}, {where(correction.host)}
              </span>
              <button
                type="button"
                aria-label={`Highlight “${correction.alias}” as ${label} ${where(correction.host)} again`}
                onClick={() => onUndo(correction)}
              >
                Undo
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
