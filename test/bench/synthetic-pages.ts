/**
 * Synthetic article-like pages of a given size: a header with navigation, an article of sections
 * (headings, paragraphs with inline links and emphasis, lists, tables, quotes), an aside and a
 * footer. The prose is policy-report English with glossary mentions about once per 1.3 KB of
 * text, some of them inside links or bold. Generated deterministically from a seed.
 *
 * Mentions use unambiguous aliases in their listed spelling, each inside a single text node, so
 * that every highlighter in the bench (including mark.js with per-text-node matching and no
 * confirmation rules) should find exactly the same highlights on these pages.
 */
import { isAccepted, pageSense, TermMatcher, type CompiledMatcher } from '../../utils/term-matcher';
import { random } from './large-glossary';

/** Average text between two mentions, in characters. */
export const MENTION_SPACING = 1_300;

const SUBJECTS = [
  'Member economies',
  'The working group',
  'Senior officials',
  'The ministers',
  'Delegations',
  'The secretariat',
  'National authorities',
  'Several governments',
  'The steering committee',
  'Experts from the region',
  'Law enforcement agencies',
  'The annual report',
  'Participants',
  'The chair',
  'Regional partners',
  'Civil society organisations',
  'The review panel',
  'Private sector representatives',
  'Parliamentarians',
  'The host government',
];
const VERBS = [
  'agreed to strengthen',
  'called for closer cooperation on',
  'reviewed progress on',
  'highlighted the importance of',
  'welcomed the adoption of measures on',
  'expressed concern about gaps in',
  'committed to improving',
  'discussed practical steps for',
  'noted uneven progress on',
  'proposed a shared framework for',
  'endorsed new guidance on',
  'stressed the need for sustained funding of',
  'examined lessons learned from',
  'agreed to exchange best practices on',
  'recommended further study of',
];
const OBJECTS = [
  'information sharing between agencies',
  'the protection of public spaces',
  'the security of trade routes',
  'aviation screening standards',
  'training for front-line staff',
  'cyber incident response',
  'maritime domain awareness',
  'customs risk management',
  'the integrity of travel documents',
  'partnerships with industry',
  'community engagement',
  'the oversight of charities',
  'cross-border investigations',
  'the rehabilitation of offenders',
  'emergency preparedness',
  'the resilience of supply chains',
  'data protection safeguards',
  'victim assistance',
  'the evaluation of programmes',
  'judicial capacity',
];
const ADVERBIALS = [
  'in the coming year',
  'across the region',
  'by the end of the reporting period',
  'in line with national legislation',
  'through regular dialogue',
  'with the support of international partners',
  'while respecting human rights',
  'on a voluntary basis',
  'as resources allow',
  'at both national and local levels',
  'within existing budgets',
  'following consultations with stakeholders',
];
const CONNECTIVES = [
  'In addition,',
  'At the same time,',
  'However,',
  'As a result,',
  'In this context,',
  'Meanwhile,',
  'Moreover,',
  'For example,',
  'By contrast,',
  'Looking ahead,',
];
const MENTION_FRAMES: ((alias: string) => string)[] = [
  (alias) => `in cooperation with the ${alias}`,
  (alias) => `as noted by the ${alias}`,
  (alias) => `under the ${alias}`,
  (alias) => `in line with the work of the ${alias}`,
  (alias) => `drawing on guidance from the ${alias}`,
  (alias) => `with reference to the ${alias}`,
];
const HEADINGS = [
  'Background',
  'Key findings',
  'Progress since the last meeting',
  'Regional cooperation',
  'Capacity building',
  'Outstanding issues',
  'Recommendations',
  'Next steps',
  'Funding',
  'Implementation review',
  'Partnerships',
  'Evaluation',
];
const STATUS = ['Completed', 'Ongoing', 'Planned', 'Delayed', 'Under review'];

export interface SyntheticPage {
  html: string;
  /** Mentions inserted by the generator. */
  mentionsInserted: number;
  /** Text characters in blocks (what Pledgemark reads). */
  textChars: number;
  /** Mentions Pledgemark's matcher finds in the generated blocks, computed in Node. */
  expected: Map<string, number>;
  /** Candidates before confirmation: above `expected` if the prose contains ambiguous aliases. */
  candidates: Map<string, number>;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Builds a page of about `bytes` bytes. `aliases` are the aliases mentions draw from; the texts of
 * all blocks are matched with each of `matchers` to give the expected highlight counts.
 */
export function syntheticPage(
  bytes: number,
  aliases: readonly string[],
  matchers: Record<string, CompiledMatcher>,
  seed = 1,
): SyntheticPage {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const blocks: string[] = [];
  let mentionsInserted = 0;
  let textChars = 0;
  let untilMention = 400;
  let linkSerial = 0;

  /** A sentence as [html, text]; mentions come when enough text has gone by since the last. */
  const sentence = (allowMention: boolean): [string, string] => {
    const parts: [string, string][] = [];
    const connective = rand() < 0.25 ? `${pick(CONNECTIVES)} ` : '';
    const subject = pick(SUBJECTS);
    const opening =
      connective + (connective ? subject[0]!.toLowerCase() + subject.slice(1) : subject);
    parts.push([escapeHtml(opening), opening]);
    const verb = ` ${pick(VERBS)} `;
    parts.push([verb, verb]);
    const object = pick(OBJECTS);
    if (rand() < 0.12) {
      parts.push([`<a href="#ref-${++linkSerial}">${object}</a>`, object]);
    } else if (rand() < 0.08) {
      parts.push([`<em>${object}</em>`, object]);
    } else {
      parts.push([object, object]);
    }
    if (allowMention && untilMention <= 0) {
      const alias = pick(aliases);
      const frame = pick(MENTION_FRAMES)(alias);
      const before = frame.slice(0, frame.length - alias.length);
      const style = rand();
      const wrapped =
        style < 0.15
          ? `<a href="#term-${++linkSerial}">${escapeHtml(alias)}</a>`
          : style < 0.22
            ? `<strong>${escapeHtml(alias)}</strong>`
            : escapeHtml(alias);
      parts.push([`, ${before}${wrapped},`, `, ${frame},`]);
      mentionsInserted++;
      untilMention = MENTION_SPACING * (0.4 + rand() * 1.2);
    }
    const adverbial = ` ${pick(ADVERBIALS)}.`;
    parts.push([adverbial, adverbial]);
    const html = parts.map(([part]) => part).join('');
    const text = parts.map(([, part]) => part).join('');
    untilMention -= text.length;
    textChars += text.length;
    return [html, text];
  };

  const texts: string[] = [];
  const paragraph = (sentences: number, allowMention = true) => {
    const made = Array.from({ length: sentences }, () => sentence(allowMention));
    texts.push(made.map(([, text]) => text).join(' '));
    return made.map(([html]) => html).join(' ');
  };
  const plain = (text: string) => {
    texts.push(text);
    textChars += text.length;
    return escapeHtml(text);
  };

  const title = plain('Regional counter-terrorism cooperation: annual review of commitments');
  const nav = Array.from(
    { length: 12 },
    (_, index) => `<a href="#section-${index}">${plain(pick(HEADINGS))}</a>`,
  ).join(' ');
  const head =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem}' +
    'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem}' +
    'blockquote{margin-left:1.5rem;color:#444}nav a{margin-right:.6rem}aside{font-size:.9em}</style>' +
    `</head><body><header><nav>${nav}</nav><h1>${title}</h1>` +
    `<p class="byline">${plain('By the editorial team, updated this week')}</p></header><main><article>`;
  const tail =
    `</article></main><aside><h2>${plain('Related reading')}</h2><ul>` +
    Array.from({ length: 5 }, () => `<li><a href="#">${paragraph(1, false)}</a></li>`).join('') +
    `</ul></aside><footer><p>${plain('Published under an open licence. Contact the editors.')}</p>` +
    '</footer></body></html>';

  let size = head.length + tail.length;
  // The first paragraph mentions a term at once, so that the first viewport has a highlight.
  untilMention = 0;
  for (let section = 0; size < bytes; section++) {
    const parts: string[] = [`<section id="section-${section}"><h2>${plain(pick(HEADINGS))}</h2>`];
    const paragraphs = 2 + Math.floor(rand() * 4);
    for (let index = 0; index < paragraphs; index++) {
      parts.push(`<p>${paragraph(2 + Math.floor(rand() * 4))}</p>`);
    }
    const extra = rand();
    if (extra < 0.3) {
      const items = 3 + Math.floor(rand() * 4);
      parts.push(
        `<ul>${Array.from({ length: items }, () => `<li>${paragraph(1)}</li>`).join('')}</ul>`,
      );
    } else if (extra < 0.5) {
      const rows = 4 + Math.floor(rand() * 5);
      const cells = Array.from({ length: rows }, (_, row) => {
        const area = plain(pick(OBJECTS));
        const lead = paragraph(1);
        const status = plain(pick(STATUS));
        return `<tr><td>${plain(String(row + 1))}</td><td>${area}</td><td>${lead}</td><td>${status}</td></tr>`;
      }).join('');
      parts.push(
        `<table><thead><tr><th>${plain('#')}</th><th>${plain('Area')}</th><th>${plain('Summary')}</th>` +
          `<th>${plain('Status')}</th></tr></thead><tbody>${cells}</tbody></table>`,
      );
    } else if (extra < 0.6) {
      parts.push(`<blockquote><p>${paragraph(2)}</p></blockquote>`);
    }
    parts.push('</section>');
    const html = parts.join('');
    blocks.push(html);
    size += html.length;
  }
  const expected = new Map<string, number>();
  const candidates = new Map<string, number>();
  for (const [name, compiled] of Object.entries(matchers)) {
    const [accepted, found] = countMentions(new TermMatcher(compiled), texts);
    expected.set(name, accepted);
    candidates.set(name, found);
  }
  return { html: head + blocks.join('') + tail, mentionsInserted, textChars, expected, candidates };
}

/** What Pledgemark should highlight in these block texts (page-level confirmation included). */
function countMentions(matcher: TermMatcher, texts: readonly string[]): [number, number] {
  const all = texts.flatMap((text) => matcher.scan(text));
  const page = pageSense(new Set(all.filter((c) => !c.ambiguous).map((c) => c.termId)));
  return [all.filter((candidate) => isAccepted(matcher, candidate, page)).length, all.length];
}

/** Aliases safe for the synthetic prose: unambiguous, and not hiding a shorter alias inside. */
export function mentionAliases(compiled: CompiledMatcher): string[] {
  const matcher = new TermMatcher(compiled);
  return compiled.aliases
    .filter((alias) => alias.sense === null)
    .map((alias) => alias.text)
    .filter((text) => {
      const found = matcher.scan(` ${text} `);
      return (
        found.length === 1 &&
        !found[0]!.ambiguous &&
        found[0]!.end - found[0]!.start === text.length
      );
    });
}

/** Vocabulary phrases that would themselves match an alias (checked once, reported if any). */
export function vocabularyClashes(compiled: CompiledMatcher): string[] {
  const matcher = new TermMatcher(compiled);
  return [
    ...SUBJECTS,
    ...VERBS,
    ...OBJECTS,
    ...ADVERBIALS,
    ...CONNECTIVES,
    ...HEADINGS,
    ...STATUS,
  ].filter((phrase) => matcher.scan(phrase).length > 0);
}
