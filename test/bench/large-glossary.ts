/**
 * A 3,000-alias glossary for the scaling rows: the real glossary plus invented but plausible
 * entries (organisations, groups, instruments and programmes with their acronyms), generated
 * deterministically. None of the invented aliases occurs in the synthetic pages, so a page gives
 * the same highlights with either glossary and only the alias count differs.
 */
import type { TermAlias, TermCategory } from '../../utils/corpus-types';
import { isCaseSensitive } from '../../utils/term-matcher';

export interface BenchTerm {
  id: string;
  category: TermCategory;
  aliases: TermAlias[];
}

const REGIONS = [
  'Andean',
  'Baltic',
  'Caspian',
  'Danubian',
  'Sahelian',
  'Nordic',
  'Levantine',
  'Caribbean',
  'Adriatic',
  'Aegean',
  'Mekong',
  'Great Lakes',
  'Gulf of Guinea',
  'Coral Sea',
  'Arafura',
  'Tasman',
  'Bering',
  'Amazonian',
  'Carpathian',
  'Pamir',
  'Limpopo',
  'Zambezi',
  'Orinoco',
  'Kalahari',
  'Sulu Sea',
  'Celebes',
  'Timor Sea',
  'Red Sea',
  'Black Sea',
  'Barents',
  'Rio de la Plata',
  'Central Asian',
  'West Pacific',
  'South Atlantic',
  'Indian Ocean Rim',
  'Alpine',
  'Balkan',
  'Maghreb',
  'Nile Basin',
  'Lake Chad Basin',
];
const FIELDS = [
  'Financial Intelligence',
  'Border Management',
  'Maritime Security',
  'Aviation Safety',
  'Customs Enforcement',
  'Cyber Resilience',
  'Judicial Cooperation',
  'Police Cooperation',
  'Export Control',
  'Sanctions Monitoring',
  'Infrastructure Protection',
  'Transport Security',
  'Migration Management',
  'Forensic Science',
  'Prison Management',
  'Victim Support',
  'Crisis Communication',
  'Supply Chain Integrity',
  'Document Security',
  'Port Security',
];
const BODIES = [
  'Network',
  'Forum',
  'Task Force',
  'Working Group',
  'Centre',
  'Council',
  'Commission',
  'Agency',
  'Initiative',
  'Partnership',
  'Programme',
  'Secretariat',
  'Observatory',
  'Alliance',
  'Platform',
  'Consortium',
  'Directorate',
  'Institute',
];
const GROUP_ADJECTIVES = [
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Red',
  'Black',
  'Green',
  'Golden',
  'Silver',
  'Iron',
  'Crescent',
  'Morning',
  'Evening',
  'Free',
  'United',
  'Sacred',
  'Revolutionary',
  'Popular',
  'Coastal',
  'Highland',
];
const GROUP_NOUNS = [
  'Dawn',
  'Banner',
  'Sword',
  'Shield',
  'Star',
  'Flame',
  'Path',
  'Horizon',
  'River',
  'Mountain',
  'Valley',
  'Lantern',
  'Falcon',
  'Wolf',
  'Storm',
  'Harvest',
];
const GROUP_KINDS = ['Liberation Front', 'Brigade', 'Movement', 'Army', 'Battalion', 'Network'];
const INSTRUMENT_KINDS = [
  'Convention on',
  'Protocol on',
  'Declaration on',
  'Framework Agreement on',
  'Code of Conduct on',
  'Memorandum of Understanding on',
  'Action Plan on',
  'Guidelines on',
];
const INSTRUMENT_SUBJECTS = [
  'the Suppression of Maritime Piracy Financing',
  'Cross-Border Data Exchange',
  'the Protection of Soft Targets',
  'Mutual Legal Assistance in Cyber Investigations',
  'the Return of Stolen Cultural Property',
  'Biometric Travel Documents',
  'the Security of Undersea Cables',
  'Dual-Use Chemical Precursors',
  'the Rehabilitation of Returning Fighters',
  'Remote Piloted Aircraft Threats',
  'Charitable Sector Transparency',
  'Hawala and Informal Value Transfer',
  'Lone Actor Threat Assessment',
  'Online Radical Content Removal',
  'Critical Minerals Supply Security',
  'Insider Threats at Airports',
];

/** Seeded PRNG (mulberry32) so that every run benchmarks the same glossary. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('');
}

/** The real terms plus invented ones, until the glossary has exactly `aliasCount` aliases. */
export function largeGlossary(real: readonly BenchTerm[], aliasCount: number): BenchTerm[] {
  const terms: BenchTerm[] = real.map((term) => ({ ...term }));
  let aliases = terms.reduce((sum, term) => sum + term.aliases.length, 0);
  const taken = new Set(
    terms.flatMap((term) => term.aliases.map((alias) => alias.text.toLowerCase())),
  );
  const rand = random(3000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let serial = 0;
  const names: [TermCategory, () => string][] = [
    ['organisation', () => `${pick(REGIONS)} ${pick(FIELDS)} ${pick(BODIES)}`],
    ['group', () => `${pick(GROUP_ADJECTIVES)} ${pick(GROUP_NOUNS)} ${pick(GROUP_KINDS)}`],
    ['instrument', () => `${pick(REGIONS)} ${pick(INSTRUMENT_KINDS)} ${pick(INSTRUMENT_SUBJECTS)}`],
    ['programme', () => `${pick(REGIONS)} ${pick(FIELDS)} Capacity Building Programme`],
  ];
  let attempts = 0;
  while (aliases < aliasCount) {
    if (++attempts > aliasCount * 50) throw new Error('Could not invent enough distinct aliases');
    const [category, name] = names[serial % names.length]!;
    const text = name();
    if (taken.has(text.toLowerCase())) continue;
    const termAliases: TermAlias[] = [{ text }];
    taken.add(text.toLowerCase());
    // Most invented bodies also go by an acronym, as real ones do.
    const acronym = acronymOf(text);
    if (
      aliases + 1 < aliasCount &&
      acronym.length >= 3 &&
      !taken.has(acronym.toLowerCase()) &&
      rand() < 0.8
    ) {
      termAliases.push({ text: acronym });
      taken.add(acronym.toLowerCase());
    }
    serial++;
    terms.push({ id: `bench-${category}-${serial}`, category, aliases: termAliases });
    aliases += termAliases.length;
  }
  return terms;
}

export function describeGlossary(terms: readonly BenchTerm[]): string {
  const all = terms.flatMap((term) => term.aliases);
  const acronyms = all.filter((alias) => isCaseSensitive(alias)).length;
  return `${terms.length} terms, ${all.length} aliases (${acronyms} case-sensitive)`;
}
