import type { LinkTerms } from '../../data/store/added-corpus';

/**
 * A stand-in for the background's matcher, for store tests that need added passages linked to
 * terms without the whole glossary: counts three terms' long forms in each passage.
 */
export const linkTermsStandIn: LinkTerms = (texts) =>
  texts.map((text) => {
    const counts = new Map<string, number>();
    for (const [termId, name] of [
      ['pnr', 'Passenger Name Record'],
      ['api', 'Advance Passenger Information'],
      ['ftf', 'foreign terrorist fighters'],
    ] as const) {
      const count = text.split(name).length - 1;
      if (count > 0) counts.set(termId, count);
    }
    return counts;
  });
