import { describe, expect, it } from 'vitest';
import {
  compileSenseRule,
  contextAround,
  CONTEXT_WORDS,
  decideSense,
  describeSenseReason,
} from '../../utils/sense-model';
import type { SenseRule } from '../../utils/corpus-types';

const API: SenseRule = {
  class: 'cue-no-veto',
  cues: ['passenger', 'Passenger Name Record', 'border'],
  cueTerms: ['pnr'],
  vetoes: ['key', 'endpoint', 'REST', 'SDK'],
  pageEvidence: true,
};
const CVE: SenseRule = {
  class: 'cue',
  cues: ['violent extremism', 'radicalisation'],
  vetoes: ['cve-', 'vulnerability'],
  pageEvidence: true,
};
const securityPage = { namesTerm: true, securityTopic: true };
const nothingOnPage = { namesTerm: false, securityTopic: false };

/** The verdict on the first occurrence of `alias` in `text`. */
function decide(rule: SenseRule, alias: string, text: string, page = nothingOnPage, nearby = []) {
  const start = text.indexOf(alias);
  return decideSense(
    compileSenseRule(rule),
    'term',
    contextAround(text, start, start + alias.length),
    nearby,
    page,
  );
}

describe('decideSense', () => {
  it('takes an occurrence with a cue of its sense nearby, and says which', () => {
    expect(
      decide(API, 'API', 'Airlines send API data on each passenger before departure.'),
    ).toEqual({
      accepted: true,
      because: { kind: 'cue', cue: 'passenger' },
    });
    // Plurals and any case are the same cue; a phrase may span a line break.
    expect(decide(API, 'API', 'API and Passenger Name\nRecords are shared.').because).toEqual({
      kind: 'cue',
      cue: 'passenger name records',
    });
  });

  it('rules an occurrence out on a veto nearby, whatever the page says elsewhere', () => {
    expect(decide(API, 'API', 'Pass your API key in the header.', securityPage)).toEqual({
      accepted: false,
      because: { kind: 'veto', veto: 'key' },
    });
    // A cue-no-veto alias: a veto beats a cue in the same context.
    expect(decide(API, 'API', 'The passenger REST API returns JSON.').because.kind).toBe('veto');
  });

  it('lets a cue win over a veto for a cue alias', () => {
    expect(
      decide(CVE, 'CVE', 'CVE programmes on violent extremism, unlike any vulnerability scanner.')
        .accepted,
    ).toBe(true);
    expect(decide(CVE, 'CVE', 'Patch CVE-2024-3094 now.', securityPage).because).toEqual({
      kind: 'veto',
      veto: 'cve-',
    });
  });

  it('takes a mention of a cue term nearby as confirmation', () => {
    expect(
      decide(API, 'API', 'Both API and the PNR matter here.', nothingOnPage, [
        { termId: 'pnr', text: 'PNR' },
      ] as never),
    ).toEqual({ accepted: true, because: { kind: 'cue-term', termId: 'pnr', text: 'PNR' } });
  });

  it('takes a neutral occurrence on page evidence only on a security page that names the term', () => {
    const neutral = 'The API changed in 2019.';
    expect(decide(API, 'API', neutral, securityPage)).toEqual({
      accepted: true,
      because: { kind: 'page', termId: 'term' },
    });
    expect(decide(API, 'API', neutral, { namesTerm: true, securityTopic: false }).accepted).toBe(
      false,
    );
    expect(decide(API, 'API', neutral, { namesTerm: false, securityTopic: true }).accepted).toBe(
      false,
    );
    expect(decide({ ...API, pageEvidence: false }, 'API', neutral, securityPage).because).toEqual({
      kind: 'neutral',
    });
  });

  it('matches cues as whole words only', () => {
    expect(decide(API, 'API', 'The API and the borderline case.').because.kind).toBe('neutral');
    expect(decide(API, 'API', 'The API and the keyboard.').because.kind).toBe('neutral');
  });
});

describe('contextAround', () => {
  it('keeps a window of words on each side, not the whole block', () => {
    const far = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const text = `key ${far} API ${far} key`;
    const start = text.indexOf('API');
    const context = contextAround(text, start, start + 3);
    expect(context).toContain('api');
    expect(context).not.toContain('key');
    expect(context.split(' ').filter(Boolean).length).toBeLessThanOrEqual(2 * CONTEXT_WORDS + 3);
    expect(decide(API, 'API', text).because.kind).toBe('neutral');
  });
});

describe('cue stems', () => {
  it('reads a final "*" as a stem, and whole words otherwise', () => {
    const rule: SenseRule = { class: 'cue', cues: ['terroris*'], vetoes: ['key'] };
    expect(decide(rule, 'ISIS', 'ISIS claimed the terrorist attack.').because).toEqual({
      kind: 'cue',
      cue: 'terrorist',
    });
    expect(decide(rule, 'ISIS', 'ISIS and the keyboard.').because.kind).toBe('neutral');
  });
});

describe('describeSenseReason', () => {
  it('says in one line why a highlight was taken, and nothing for an unambiguous one', () => {
    expect(describeSenseReason({ kind: 'cue', cue: 'passenger data' })).toBe(
      '“passenger data” in the same passage',
    );
    expect(describeSenseReason({ kind: 'cue-term', termId: 'pnr', text: 'PNR' })).toBe(
      '“PNR” in the same passage',
    );
    expect(describeSenseReason({ kind: 'page', termId: 'api' })).toBe(
      'the page names it in full and is about security',
    );
    expect(describeSenseReason(null)).toBeNull();
  });
});
