import { TERM_CATEGORIES, type TermCategory } from './corpus-types';

/** What the user controls about highlighting. Stored in `storage.local`, versioned. */
export interface Settings {
  /** Highlighting is off everywhere until resumed. */
  paused: boolean;
  /** Highlight on every site (minus the deny list), or only on the allow list. */
  siteMode: 'everywhere' | 'allow-list';
  /** Host names; a listed host covers its subdomains. */
  allowList: string[];
  /** Host names where nothing is highlighted. The deny list wins over the allow list. */
  denyList: string[];
  /** Every occurrence of a term, or only its first occurrence on a page. */
  density: 'every' | 'first';
  /** Term categories to highlight. */
  categories: TermCategory[];
  /** How long the pointer rests on a highlight before its card opens, in ms. */
  hoverDelayMs: number;
  /** Cards open on hover, or (for readers who find hover cards intrusive) only with Alt held. */
  cardTrigger: 'hover' | 'modifier';
  /** Terms the reader hid, by host. */
  hiddenTerms: Record<string, string[]>;
  /** Aliases the reader said were not the term's meaning, on a site or everywhere. */
  senseCorrections: SenseCorrection[];
}

/**
 * "Not this meaning": an alias of a term (as the glossary spells it) that Pledgemark no longer
 * highlights on a host and its subdomains, or everywhere (`host` is "*").
 */
export interface SenseCorrection {
  termId: string;
  alias: string;
  host: string;
}

/** `SenseCorrection.host` for a correction that holds on every site. */
export const EVERYWHERE = '*';

/** The second stored shape, before corrections of senses existed. */
type SettingsV2 = Omit<Settings, 'senseCorrections'>;

/** The first stored shape, before the hover card's settings existed. */
type SettingsV1 = Pick<
  Settings,
  'paused' | 'siteMode' | 'allowList' | 'denyList' | 'density' | 'categories'
>;

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  siteMode: 'everywhere',
  allowList: [],
  denyList: [],
  density: 'every',
  categories: [...TERM_CATEGORIES],
  hoverDelayMs: 350,
  cardTrigger: 'hover',
  hiddenTerms: {},
  senseCorrections: [],
};

export const HOVER_DELAY_RANGE = { min: 100, max: 2_000 } as const;

const MAX_HOSTS = 5_000;
const MAX_CORRECTIONS = 5_000;

/**
 * Repairs a stored value field by field: a field of the wrong type falls back to its default and
 * is reported, the other fields are kept. A corrupt setting never loses the rest.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) problems.push('settings were not an object');
    return { settings: { ...DEFAULT_SETTINGS }, problems };
  }
  const value = raw as Record<string, unknown>;
  const pick = <K extends keyof Settings>(
    key: K,
    valid: (candidate: unknown) => boolean,
  ): Settings[K] => {
    if (!(key in value)) return DEFAULT_SETTINGS[key];
    if (valid(value[key])) return value[key] as Settings[K];
    problems.push(`setting "${key}" was invalid and was reset`);
    return DEFAULT_SETTINGS[key];
  };
  const hostList = (candidate: unknown) =>
    Array.isArray(candidate) &&
    candidate.length <= MAX_HOSTS &&
    candidate.every((host) => typeof host === 'string' && normalizeHost(host) === host);
  return {
    settings: {
      paused: pick('paused', (candidate) => typeof candidate === 'boolean'),
      siteMode: pick(
        'siteMode',
        (candidate) => candidate === 'everywhere' || candidate === 'allow-list',
      ),
      allowList: pick('allowList', hostList),
      denyList: pick('denyList', hostList),
      density: pick('density', (candidate) => candidate === 'every' || candidate === 'first'),
      categories: pick(
        'categories',
        (candidate) =>
          Array.isArray(candidate) &&
          candidate.every((category) => (TERM_CATEGORIES as readonly unknown[]).includes(category)),
      ),
      hoverDelayMs: pick(
        'hoverDelayMs',
        (candidate) =>
          Number.isInteger(candidate) &&
          (candidate as number) >= HOVER_DELAY_RANGE.min &&
          (candidate as number) <= HOVER_DELAY_RANGE.max,
      ),
      cardTrigger: pick(
        'cardTrigger',
        (candidate) => candidate === 'hover' || candidate === 'modifier',
      ),
      hiddenTerms: pick(
        'hiddenTerms',
        (candidate) =>
          typeof candidate === 'object' &&
          candidate !== null &&
          !Array.isArray(candidate) &&
          Object.entries(candidate).length <= MAX_HOSTS &&
          Object.entries(candidate).every(
            ([host, terms]) =>
              normalizeHost(host) === host &&
              Array.isArray(terms) &&
              terms.every(
                (term) => typeof term === 'string' && term.length > 0 && term.length <= 200,
              ),
          ),
      ),
      senseCorrections: pick(
        'senseCorrections',
        (candidate) =>
          Array.isArray(candidate) &&
          candidate.length <= MAX_CORRECTIONS &&
          candidate.every(isSenseCorrection),
      ),
    },
    problems,
  };
}

function isSenseCorrection(candidate: unknown): candidate is SenseCorrection {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const { termId, alias, host } = candidate as Record<string, unknown>;
  return (
    typeof termId === 'string' &&
    termId.length > 0 &&
    termId.length <= 200 &&
    typeof alias === 'string' &&
    alias.length > 0 &&
    alias.length <= 200 &&
    typeof host === 'string' &&
    (host === EVERYWHERE || (host !== '' && normalizeHost(host) === host))
  );
}

/** Lower-case host name without a leading "www.", or "" for anything that is not a host. */
export function normalizeHost(host: string): string {
  const lower = host
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return /^[a-z0-9.-]+$/.test(lower) && !lower.startsWith('.') && !lower.endsWith('.') ? lower : '';
}

function listCovers(list: readonly string[], host: string): boolean {
  return list.some((listed) => host === listed || host.endsWith(`.${listed}`));
}

/** Whether Pledgemark highlights on a page of this host. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (settings.paused) return false;
  const host = normalizeHost(hostname);
  if (listCovers(settings.denyList, host)) return false;
  return settings.siteMode === 'everywhere' || listCovers(settings.allowList, host);
}

/** The settings after the user switched highlighting on or off for one host. */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = normalizeHost(hostname);
  if (!host) return settings;
  const covered = (listed: string) => host === listed || host.endsWith(`.${listed}`);
  const denyList = settings.denyList.filter((listed) => !covered(listed));
  const allowList = settings.allowList.filter((listed) => !covered(listed));
  return enabled
    ? {
        ...settings,
        denyList,
        allowList: settings.siteMode === 'allow-list' ? [...allowList, host] : allowList,
      }
    : { ...settings, denyList: [...denyList, host], allowList };
}

/** Terms hidden on a host (and its subdomains). */
export function hiddenTermsOn(settings: Settings, hostname: string): Set<string> {
  const host = normalizeHost(hostname);
  const hidden = new Set<string>();
  for (const [listed, terms] of Object.entries(settings.hiddenTerms)) {
    if (host === listed || host.endsWith(`.${listed}`)) for (const term of terms) hidden.add(term);
  }
  return hidden;
}

/** The settings after the reader hid a term on one host. */
export function withTermHidden(settings: Settings, hostname: string, termId: string): Settings {
  const host = normalizeHost(hostname);
  if (!host) return settings;
  const terms = settings.hiddenTerms[host] ?? [];
  if (terms.includes(termId)) return settings;
  return { ...settings, hiddenTerms: { ...settings.hiddenTerms, [host]: [...terms, termId] } };
}

/**
 * The settings after the reader showed a hidden term on one host again: undoes `withTermHidden`
 * for that host's own list (a term hidden on a parent domain stays hidden there). A host left with
 * no hidden term is dropped; the other hosts keep their order.
 */
export function withTermShown(settings: Settings, hostname: string, termId: string): Settings {
  const host = normalizeHost(hostname);
  if (!host || !settings.hiddenTerms[host]?.includes(termId)) return settings;
  const hiddenTerms: Record<string, string[]> = {};
  for (const [listed, terms] of Object.entries(settings.hiddenTerms)) {
    const kept = listed === host ? terms.filter((term) => term !== termId) : terms;
    if (kept.length > 0) hiddenTerms[listed] = kept;
  }
  return { ...settings, hiddenTerms };
}

/** The aliases (as "termId alias" keys, see `aliasKey`) not to highlight on a host. */
export function correctedAliasesOn(settings: Settings, hostname: string): Set<string> {
  const host = normalizeHost(hostname);
  return new Set(
    settings.senseCorrections
      .filter(
        (correction) =>
          correction.host === EVERYWHERE ||
          host === correction.host ||
          host.endsWith(`.${correction.host}`),
      )
      .map((correction) => aliasKey(correction.termId, correction.alias)),
  );
}

/** One key for an alias of a term. */
export function aliasKey(termId: string, alias: string): string {
  return `${termId}\u0000${alias}`;
}

/** The settings after the reader said an alias is not the term's meaning on a host, or everywhere. */
export function withSenseCorrected(settings: Settings, correction: SenseCorrection): Settings {
  const host = correction.host === EVERYWHERE ? EVERYWHERE : normalizeHost(correction.host);
  if (!host) return settings;
  const made = { ...correction, host };
  const exists = settings.senseCorrections.some(
    (listed) =>
      listed.termId === made.termId && listed.alias === made.alias && listed.host === made.host,
  );
  return exists
    ? settings
    : { ...settings, senseCorrections: [...settings.senseCorrections, made] };
}

/** The settings after the reader undid a correction. */
export function withSenseCorrectionUndone(
  settings: Settings,
  correction: SenseCorrection,
): Settings {
  return {
    ...settings,
    senseCorrections: settings.senseCorrections.filter(
      (listed) =>
        !(
          listed.termId === correction.termId &&
          listed.alias === correction.alias &&
          listed.host === correction.host
        ),
    ),
  };
}

/** Version 3 added corrections of senses; everything chosen before is kept. */
export function migrateSettingsToV3(previous: SettingsV2): Settings {
  return { ...DEFAULT_SETTINGS, ...previous, senseCorrections: [] };
}

/** Version 2 added the hover card's settings; what users chose before is kept. */
export function migrateSettingsToV2(previous: SettingsV1): SettingsV2 {
  return {
    ...DEFAULT_SETTINGS,
    ...previous,
    hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
    cardTrigger: DEFAULT_SETTINGS.cardTrigger,
    hiddenTerms: {},
  };
}
