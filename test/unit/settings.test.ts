import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  hiddenTermsOn,
  withTermHidden,
  withTermShown,
  isSiteEnabled,
  normalizeSettings,
  withSiteEnabled,
  type Settings,
} from '../../utils/settings';
import { loadSettings, settingsItem } from '../../utils/settings-storage';

describe('normalizeSettings', () => {
  it('keeps valid settings as they are', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      paused: true,
      denyList: ['example.com'],
      density: 'first',
    };
    expect(normalizeSettings(settings)).toEqual({ settings, problems: [] });
  });

  it('repairs a corrupt field without losing the others', () => {
    const { settings, problems } = normalizeSettings({
      paused: 'yes',
      denyList: ['example.com'],
      categories: ['group', 'nonsense'],
      unknownField: 1,
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, denyList: ['example.com'] });
    expect(problems).toEqual([
      'setting "paused" was invalid and was reset',
      'setting "categories" was invalid and was reset',
    ]);
  });

  it('falls back to the defaults for a value that is not an object', () => {
    expect(normalizeSettings('garbage')).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: ['settings were not an object'],
    });
    expect(normalizeSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});

describe('site rules', () => {
  it('highlights everywhere by default, except on denied sites and their subdomains', () => {
    const settings = { ...DEFAULT_SETTINGS, denyList: ['example.com'] };
    expect(isSiteEnabled(settings, 'news.org')).toBe(true);
    expect(isSiteEnabled(settings, 'example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'blog.example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'notexample.com')).toBe(true);
  });

  it('in allow-list mode highlights only allowed sites, and the deny list still wins', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      siteMode: 'allow-list',
      allowList: ['un.org'],
      denyList: ['press.un.org'],
    };
    expect(isSiteEnabled(settings, 'www.un.org')).toBe(true);
    expect(isSiteEnabled(settings, 'press.un.org')).toBe(false);
    expect(isSiteEnabled(settings, 'news.org')).toBe(false);
  });

  it('pauses everywhere', () => {
    expect(isSiteEnabled({ ...DEFAULT_SETTINGS, paused: true }, 'news.org')).toBe(false);
  });

  it('switches one site off and on again', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'www.Example.com', false);
    expect(off.denyList).toEqual(['example.com']);
    expect(isSiteEnabled(off, 'example.com')).toBe(false);
    const on = withSiteEnabled(off, 'example.com', true);
    expect(on.denyList).toEqual([]);
    expect(isSiteEnabled(on, 'example.com')).toBe(true);
    const allowOnly = withSiteEnabled(
      { ...DEFAULT_SETTINGS, siteMode: 'allow-list' },
      'un.org',
      true,
    );
    expect(allowOnly.allowList).toEqual(['un.org']);
  });
});

describe('the stored settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored, and what was saved afterwards', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, paused: true });
    expect((await loadSettings()).paused).toBe(true);
  });

  it('repairs a corrupt stored value', async () => {
    await fakeBrowser.storage.local.set({ settings: { paused: 42, density: 'first' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, density: 'first' });
  });
});

describe('settings for the hover card', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates version 1 settings through version 3, keeping what the user chose', async () => {
    const v1 = {
      paused: true,
      siteMode: 'everywhere',
      allowList: [],
      denyList: ['example.com'],
      density: 'first',
      categories: ['group'],
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem().migrate();
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      ...v1,
      hiddenTerms: {},
      senseCorrections: [],
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toMatchObject({ v: 3 });
  });

  it('migrates version 2 settings to version 3, keeping hidden terms and the card’s settings', async () => {
    const v2: Record<string, unknown> = {
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 900,
      hiddenTerms: { 'example.com': ['fatf'] },
    };
    delete v2['senseCorrections'];
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem().migrate();
    expect(await loadSettings()).toEqual({ ...v2, senseCorrections: [] });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toMatchObject({ v: 3 });
  });

  it('repairs corrupt sense corrections without losing the other settings', async () => {
    await fakeBrowser.storage.local.set({
      settings: { density: 'first', senseCorrections: [{ termId: 'api', alias: '', host: 7 }] },
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, density: 'first' });
  });

  it('hides a term on one site and its subdomains only', () => {
    const settings = withTermHidden(DEFAULT_SETTINGS, 'www.example.com', 'fatf');
    expect(settings.hiddenTerms).toEqual({ 'example.com': ['fatf'] });
    expect(hiddenTermsOn(settings, 'news.example.com')).toEqual(new Set(['fatf']));
    expect(hiddenTermsOn(settings, 'other.org')).toEqual(new Set());
    expect(withTermHidden(settings, 'example.com', 'fatf')).toBe(settings);
  });

  it('hides a term once however often it is hidden', () => {
    const once = withTermHidden(DEFAULT_SETTINGS, 'example.com', 'fatf');
    const twice = withTermHidden(
      withTermHidden(once, 'www.example.com', 'fatf'),
      'EXAMPLE.com',
      'fatf',
    );
    expect(twice.hiddenTerms).toEqual({ 'example.com': ['fatf'] });
  });

  it('shows a hidden term again on its host, and only there', () => {
    let settings = withTermHidden(DEFAULT_SETTINGS, 'example.com', 'fatf');
    settings = withTermHidden(settings, 'example.com', 'etim');
    settings = withTermHidden(settings, 'other.org', 'fatf');
    const shown = withTermShown(settings, 'www.example.com', 'fatf');
    expect(shown.hiddenTerms).toEqual({ 'example.com': ['etim'], 'other.org': ['fatf'] });
    expect(hiddenTermsOn(shown, 'example.com')).toEqual(new Set(['etim']));
    expect(hiddenTermsOn(shown, 'other.org')).toEqual(new Set(['fatf']));
    // Pure: the settings it was given are unchanged.
    expect(settings.hiddenTerms).toEqual({
      'example.com': ['fatf', 'etim'],
      'other.org': ['fatf'],
    });
  });

  it('drops a host whose last hidden term is shown again, keeping the other hosts in order', () => {
    let settings = withTermHidden(DEFAULT_SETTINGS, 'a.org', 'fatf');
    settings = withTermHidden(settings, 'b.org', 'etim');
    settings = withTermHidden(settings, 'c.org', 'pnr');
    const shown = withTermShown(settings, 'b.org', 'etim');
    expect(shown.hiddenTerms).toEqual({ 'a.org': ['fatf'], 'c.org': ['pnr'] });
    expect(Object.keys(shown.hiddenTerms)).toEqual(['a.org', 'c.org']);
    expect(
      withTermShown(withTermShown(shown, 'a.org', 'fatf'), 'c.org', 'pnr').hiddenTerms,
    ).toEqual({});
  });

  it('undoes a hide exactly', () => {
    const settings = withTermHidden(DEFAULT_SETTINGS, 'news.example.com', 'fatf');
    expect(withTermShown(settings, 'news.example.com', 'fatf')).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves the settings as they are when the term is not hidden on that host', () => {
    const settings = withTermHidden(DEFAULT_SETTINGS, 'example.com', 'fatf');
    expect(withTermShown(settings, 'example.com', 'etim')).toBe(settings);
    // A term hidden on the parent domain is not shown again from a subdomain's list.
    expect(withTermShown(settings, 'news.example.com', 'fatf')).toBe(settings);
    expect(withTermShown(settings, 'not a host', 'fatf')).toBe(settings);
    expect(withTermShown(DEFAULT_SETTINGS, 'example.com', 'fatf')).toBe(DEFAULT_SETTINGS);
  });

  it('rejects an out-of-range hover delay', () => {
    expect(normalizeSettings({ hoverDelayMs: 5 }).problems).toEqual([
      'setting "hoverDelayMs" was invalid and was reset',
    ]);
  });
});
