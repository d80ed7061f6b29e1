import { draftAliases, type TermDraft, type UserTerm } from '../../utils/user-term';

const PLACES = ['Northern', 'Coastal', 'Eastern', 'Highland', 'Riverine', 'Border', 'Capital'];
const BODIES = ['Taskforce', 'Directorate', 'Working Group', 'Programme', 'Network', 'Initiative'];
const CUES = ['counter-terrorism', 'sanctions', 'security council', 'financing', 'border'];
const VETOES = ['software', 'developer', 'football'];

/** An acronym of four capitals, distinct for each number (Q, then three letters). */
function acronym(n: number): string {
  const letter = (k: number) => String.fromCharCode(65 + (k % 26));
  return `Q${letter(Math.floor(n / 676))}${letter(Math.floor(n / 26))}${letter(n)}`;
}

/**
 * `count` terms as a reader might add them: named bodies and programmes, each with one or two
 * other spellings; every fifth has an acronym with cues and vetoes (an ambiguous one).
 */
export function syntheticUserTerms(count: number): UserTerm[] {
  return Array.from({ length: count }, (_, n) => {
    const label = `${PLACES[n % PLACES.length]} ${BODIES[n % BODIES.length]} ${n + 1}`;
    const ambiguous = n % 5 === 0;
    const draft: TermDraft = {
      label,
      aliases: ambiguous ? [acronym(n)] : [`${label} of the region`],
      category: n % 2 === 0 ? 'programme' : 'organisation',
      definition: `A body a reader follows (${n + 1}).`,
      cues: ambiguous ? CUES : [],
      vetoes: ambiguous ? VETOES : [],
    };
    return {
      id: `user-bench-${n}`,
      label,
      category: draft.category,
      aliases: draftAliases(draft),
      definition: draft.definition,
      sourcePassageIds: [],
      related: [],
      addedByUser: true,
      addedAt: '2026-12-07T00:00:00.000Z',
      updatedAt: '2026-12-07T00:00:00.000Z',
    };
  });
}
