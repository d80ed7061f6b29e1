import { describe, expect, it } from 'vitest';
import { ContentController, type Highlighting } from '../../entrypoints/content/content-controller';
import type { HighlightOptions } from '../../entrypoints/content/page-highlighter';
import { DEFAULT_SETTINGS, EVERYWHERE } from '../../utils/settings';

class RecordingSession implements Highlighting {
  active = false;
  starts: HighlightOptions[] = [];
  narrowings: HighlightOptions[] = [];
  stops = 0;
  async start(options: HighlightOptions) {
    this.active = true;
    this.starts.push(options);
  }
  async narrow(options: HighlightOptions) {
    this.narrowings.push(options);
  }
  stop() {
    this.active = false;
    this.stops++;
  }
}

const CATEGORIES: Record<string, string> = { fatf: 'organisation', api: 'concept', etim: 'group' };
const ALIASES = ['FATF', 'API', 'Advance Passenger Information'];

function setUp(hostname = 'news.example') {
  const session = new RecordingSession();
  const controller = new ContentController(
    session,
    hostname,
    (termId) => CATEGORIES[termId],
    (aliasIndex) => ALIASES[aliasIndex],
  );
  return { session, controller };
}

describe('ContentController', () => {
  it('starts highlighting with the chosen density and categories', async () => {
    const { session, controller } = setUp();
    await controller.apply({ ...DEFAULT_SETTINGS, density: 'first', categories: ['group'] });
    expect(session.active).toBe(true);
    expect(session.starts[0]!.density).toBe('first');
    expect(session.starts[0]!.includeTerm('etim')).toBe(true);
    expect(session.starts[0]!.includeTerm('fatf')).toBe(false);
  });

  it('stops on pause and on a denied site, and resumes', async () => {
    const { session, controller } = setUp('www.example.com');
    await controller.apply(DEFAULT_SETTINGS);
    await controller.apply({ ...DEFAULT_SETTINGS, paused: true });
    expect(session.active).toBe(false);
    await controller.apply(DEFAULT_SETTINGS);
    expect(session.active).toBe(true);
    await controller.apply({ ...DEFAULT_SETTINGS, denyList: ['example.com'] });
    expect(session.active).toBe(false);
    expect(session.stops).toBe(2);
  });

  it('does not restart for settings that do not change what is highlighted', async () => {
    const { session, controller } = setUp();
    await controller.apply(DEFAULT_SETTINGS);
    await controller.apply({ ...DEFAULT_SETTINGS, denyList: ['elsewhere.org'] });
    expect(session.starts).toHaveLength(1);
    await controller.apply({ ...DEFAULT_SETTINGS, density: 'first' });
    expect(session.starts).toHaveLength(2);
  });

  it('leaves out an alias the reader corrected, on that site or everywhere, in place', async () => {
    const { session, controller } = setUp('www.travel.example');
    await controller.apply(DEFAULT_SETTINGS);
    expect(session.starts[0]!.includeAlias!('api', 1)).toBe(true);
    const onThisSite = { termId: 'api', alias: 'API', host: 'travel.example' };
    await controller.apply({ ...DEFAULT_SETTINGS, senseCorrections: [onThisSite] });
    // Taking an alias away removes its highlights only: no restart.
    expect(session.starts).toHaveLength(1);
    expect(session.narrowings).toHaveLength(1);
    expect(session.narrowings[0]!.includeAlias!('api', 1)).toBe(false);
    // The term's other aliases, and other terms, stay.
    expect(session.narrowings[0]!.includeAlias!('api', 2)).toBe(true);
    expect(session.narrowings[0]!.includeAlias!('fatf', 0)).toBe(true);
    // Undoing the correction brings the alias back: a new pass.
    await controller.apply(DEFAULT_SETTINGS);
    expect(session.starts).toHaveLength(2);
    expect(session.starts[1]!.includeAlias!('api', 1)).toBe(true);
    const elsewhere = setUp('news.example');
    await elsewhere.controller.apply({ ...DEFAULT_SETTINGS, senseCorrections: [onThisSite] });
    expect(elsewhere.session.starts[0]!.includeAlias!('api', 1)).toBe(true);
    await elsewhere.controller.apply({
      ...DEFAULT_SETTINGS,
      senseCorrections: [{ ...onThisSite, host: EVERYWHERE }],
    });
    expect(elsewhere.session.narrowings[0]!.includeAlias!('api', 1)).toBe(false);
  });

  it('toggles this tab off and on', async () => {
    const { session, controller } = setUp();
    await controller.apply(DEFAULT_SETTINGS);
    expect(await controller.toggle()).toBe(false);
    expect(session.active).toBe(false);
    expect(await controller.toggle()).toBe(true);
  });

  it('reports the terms on the page', async () => {
    const { controller } = setUp();
    await controller.apply(DEFAULT_SETTINGS);
    controller.countsChanged(new Map([['fatf', 2]]));
    expect(controller.pageTerms()).toEqual({ active: true, termCounts: { fatf: 2 } });
  });
});

describe('hidden terms', () => {
  it('takes away a term the reader hid on this site, without restarting', async () => {
    const { session, controller } = setUp('www.example.com');
    await controller.apply(DEFAULT_SETTINGS);
    await controller.apply({ ...DEFAULT_SETTINGS, hiddenTerms: { 'example.com': ['fatf'] } });
    expect(session.starts).toHaveLength(1);
    expect(session.narrowings).toHaveLength(1);
    expect(session.narrowings[0]!.includeTerm('fatf')).toBe(false);
    expect(session.narrowings[0]!.includeTerm('etim')).toBe(true);
    await controller.apply({
      ...DEFAULT_SETTINGS,
      hiddenTerms: { 'example.com': ['fatf'], 'other.org': ['etim'] },
    });
    expect(session.starts).toHaveLength(1);
    expect(session.narrowings).toHaveLength(1);
  });

  it('restarts when a term is shown again or a category comes back', async () => {
    const { session, controller } = setUp('www.example.com');
    const hidden = { ...DEFAULT_SETTINGS, hiddenTerms: { 'example.com': ['fatf'] } };
    await controller.apply(hidden);
    await controller.apply(DEFAULT_SETTINGS);
    expect(session.starts).toHaveLength(2);
    expect(session.starts[1]!.includeTerm('fatf')).toBe(true);
    await controller.apply({ ...DEFAULT_SETTINGS, categories: ['group'] });
    expect(session.narrowings).toHaveLength(1);
    expect(session.narrowings[0]!.includeTerm('fatf')).toBe(false);
    await controller.apply(DEFAULT_SETTINGS);
    expect(session.starts).toHaveLength(3);
  });
});
