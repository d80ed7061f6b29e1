import type { JSX } from 'preact';
import { TERM_CATEGORIES, type TermCategory } from '../data/corpus-types';
import { HOVER_DELAY_RANGE, type Settings } from '../utils/settings';

const CATEGORY_LABEL: Record<TermCategory, string> = {
  organisation: 'Organisations',
  instrument: 'Resolutions and instruments',
  programme: 'Programmes',
  concept: 'Concepts',
  group: 'Groups',
};

/**
 * The highlighting controls: pause, this site on or off, density and categories. Renders the
 * settings it is given and hands back changed settings; the caller stores them.
 */
export function HighlightControls({
  settings,
  hostname,
  siteEnabled,
  onSiteChange,
  onChange,
}: {
  settings: Settings;
  /** The active tab's host, or null on pages Pledgemark cannot run on. */
  hostname: string | null;
  siteEnabled: boolean;
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
    </section>
  );
}
