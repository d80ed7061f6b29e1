/**
 * Scores the draft senses on the labelled fixture pages and on the hand-checked real pages,
 * with a rough stand-in for the content script: text runs per block, the matcher over the
 * glossary plus the proposed new aliases, and decideSense for every ambiguous alias.
 * Usage: tsx eval.ts [--names-accepted] [--verbose]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { GLOSSARY } from '/tmp/helper-e/wip/data/glossary.ts';
import { compileMatcher, TermMatcher, type TermCandidate } from '/tmp/helper-e/wip/utils/term-matcher.ts';
import {
  compileSenseRule,
  contextAround,
  decideSense,
  CONTEXT_WORDS,
  type CompiledSenseRule,
  type NearbyTerm,
} from '/tmp/helper-e/wip/utils/sense-model.ts';

const args = new Set(process.argv.slice(2));
const NAMES_ACCEPTED = args.has('--names-accepted');
const VERBOSE = args.has('--verbose');
const BASELINE = args.has('--baseline');
const senses = JSON.parse(readFileSync('/tmp/helper-e/senses.json', 'utf8'));

// Glossary plus new aliases; the `confirm` field only marks an alias as ambiguous for scan().
const terms = GLOSSARY.map((t) => ({
  id: t.id,
  category: t.category,
  aliases: t.aliases.map((a) => ({ ...a, confirm: (BASELINE ? a.confirm : undefined) as unknown })),
}));
const baseConfirm = new Map<string, { sameBlock?: string[]; pageHasUnambiguousAlias?: boolean }>();
if (BASELINE) for (const t of GLOSSARY) for (const a of t.aliases) if (a.confirm) baseConfirm.set(`${t.id}\u0000${a.text}`, a.confirm);
const ruleOf = new Map<string, CompiledSenseRule>(); // key: termId \u0000 alias text
for (const t of BASELINE ? [] : terms) {
  for (const a of t.aliases) {
    const s = senses[t.id][a.text];
    if (s !== 'unambiguous') {
      a.confirm = { sameBlock: [] };
      ruleOf.set(`${t.id}\u0000${a.text}`, compileSenseRule(s));
    }
  }
}
for (const na of BASELINE ? [] : senses._newAliases) {
  const t = terms.find((x) => x.id === na.termId)!;
  if (t.aliases.some((a) => a.text === na.text)) continue;
  const alias: { text: string; confirm?: unknown; caseSensitive?: boolean } = { text: na.text };
  if (na.text === 'Isis') alias.caseSensitive = true;
  if (na.sense !== 'unambiguous') {
    alias.confirm = { sameBlock: [] };
    ruleOf.set(`${t.id}\u0000${na.text}`, compileSenseRule(na.sense));
  }
  t.aliases.push(alias as never);
}
const matcher = new TermMatcher(compileMatcher(terms as never));

const TERROR = /\b(terroris[mt]s?|counter-?terror\w*|extremis[mt]s?|militants?|jihadis[mt]s?|insurgen\w+|radicali[sz]ation)\b/gi;

function contextRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  for (let words = 0; from > 0 && words <= CONTEXT_WORDS; ) {
    from--;
    if (/\s/.test(text[from]!) && from > 0 && !/\s/.test(text[from - 1]!)) words++;
  }
  let to = end;
  for (let words = 0; to < text.length && words <= CONTEXT_WORDS; to++) {
    if (/\s/.test(text[to]!) && to > 0 && !/\s/.test(text[to - 1]!)) words++;
  }
  return [from, to];
}

interface Run { text: string; nodes: Text[]; block: Element }
interface Found { termId: string; text: string; node: Text | null; accepted: boolean; why: string; context: string }

async function loadRuns(html: string): Promise<{ runs: Run[]; doc: Document }> {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const g = globalThis as Record<string, unknown>;
  g.Node = dom.window.Node;
  g.NodeFilter = dom.window.NodeFilter;
  const { walkRuns } = await import('/tmp/helper-e/wip/entrypoints/content/text-runs.ts');
  const doc = dom.window.document;
  for (const el of doc.querySelectorAll('script,style,noscript,template')) el.remove();
  return { runs: [...walkRuns(doc.body)] as Run[], doc };
}

function nodeAt(run: Run, offset: number): Text | null {
  let pos = 0;
  for (const n of run.nodes) {
    if (offset < pos + n.data.length) return n;
    pos += n.data.length;
  }
  return run.nodes[run.nodes.length - 1] ?? null;
}

function analyse(runs: Run[], pageText: string): Found[] {
  const scanned = runs.map((run) => ({ run, cands: matcher.scan(run.text) }));
  const namesTerm = new Set<string>();
  for (const { cands } of scanned) for (const c of cands) if (!c.ambiguous) namesTerm.add(c.termId);
  const securityTopic = (pageText.match(TERROR) ?? []).length >= 4;
  const decide = (run: Run, c: TermCandidate, cands: TermCandidate[], acceptedAmb: Set<TermCandidate>) => {
    const alias = matcher.aliases[c.aliasIndex]!;
    if (BASELINE) {
      const conf = baseConfirm.get(`${c.termId}\u0000${alias.text}`)!;
      const low = run.text.toLowerCase();
      const w = (conf.sameBlock ?? []).find((x) => low.includes(x.toLowerCase()));
      if (w) return { v: { accepted: true, because: { kind: 'cue' as const, cue: w } }, context: '' };
      if (conf.pageHasUnambiguousAlias && namesTerm.has(c.termId)) return { v: { accepted: true, because: { kind: 'page' as const, termId: c.termId } }, context: '' };
      return { v: { accepted: false, because: { kind: 'neutral' as const } }, context: '' };
    }
    const rule = ruleOf.get(`${c.termId}\u0000${alias.text}`)!;
    const [from, to] = contextRange(run.text, c.start, c.end);
    const nearby: NearbyTerm[] = cands
      .filter((o) => o !== c && o.termId !== c.termId && o.start >= from && o.end <= to && (!o.ambiguous || acceptedAmb.has(o)))
      .map((o) => ({ termId: o.termId, text: run.text.slice(o.start, o.end) }));
    const context = contextAround(run.text, c.start, c.end);
    return { v: decideSense(rule, c.termId, context, nearby, { namesTerm: namesTerm.has(c.termId), securityTopic }), context };
  };
  // pass 1 (no ambiguous nearby terms), pass 2 with them
  let acceptedAmb = new Set<TermCandidate>();
  for (let pass = 0; pass < 2; pass++) {
    const next = new Set<TermCandidate>();
    for (const { run, cands } of scanned) for (const c of cands) if (c.ambiguous && decide(run, c, cands, acceptedAmb).v.accepted) next.add(c);
    acceptedAmb = next;
    if (NAMES_ACCEPTED) for (const c of next) namesTerm.add(c.termId);
  }
  const out: Found[] = [];
  for (const { run, cands } of scanned) {
    for (const c of cands) {
      const text = run.text.slice(c.start, c.end);
      if (!c.ambiguous) { out.push({ termId: c.termId, text, node: nodeAt(run, c.start), accepted: true, why: 'unambiguous', context: '' }); continue; }
      const { v, context } = decide(run, c, cands, acceptedAmb);
      const b = v.because;
      const why = b.kind === 'cue' ? `cue "${b.cue}"` : b.kind === 'veto' ? `veto "${b.veto}"` : b.kind === 'cue-term' ? `cue-term ${b.termId}` : b.kind;
      out.push({ termId: c.termId, text, node: nodeAt(run, c.start), accepted: v.accepted, why, context });
    }
  }
  return out;
}

let tp = 0, fp = 0, fn = 0;
const mistakes: string[] = [];
const FIX = '/tmp/helper-e/wip/test/fixtures';
for (const dir of ['highlight', 'highlight-staging']) {
  for (const file of readdirSync(join(FIX, dir)).filter((f) => f.endsWith('.html')).sort()) {
    const html = readFileSync(join(FIX, dir, file), 'utf8');
    const { runs, doc } = await loadRuns(html);
    const found = analyse(runs, doc.body.textContent ?? '');
    const byLabel = new Map<Element | null, Found[]>();
    for (const f of found) {
      if (!f.accepted) continue;
      const lab = f.node?.parentElement?.closest('[data-expect]') ?? null;
      byLabel.set(lab, [...(byLabel.get(lab) ?? []), f]);
    }
    for (const f of byLabel.get(null) ?? []) { fp++; mistakes.push(`${file}: UNLABELLED ${f.termId} "${f.text}" (${f.why})`); }
    for (const el of doc.querySelectorAll('[data-expect]')) {
      const expected = (el.getAttribute('data-expect') ?? '').split(/\s+/).filter(Boolean);
      const actual = [...(byLabel.get(el) ?? [])];
      for (const t of expected) {
        const i = actual.findIndex((a) => a.termId === t);
        if (i >= 0) { actual.splice(i, 1); tp++; }
        else {
          fn++;
          const rej = found.filter((f) => !f.accepted && f.termId === t && f.node?.parentElement?.closest('[data-expect]') === el);
          mistakes.push(`${file}: MISSED ${t} in "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 110)}"` + (rej.length ? ` [rejected: ${rej.map((r) => `"${r.text}" ${r.why}`).join('; ')}]` : ''));
        }
      }
      for (const a of actual) { fp++; mistakes.push(`${file}: WRONG ${a.termId} "${a.text}" (${a.why}) in "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 110)}"`); }
    }
  }
}
console.log(`fixtures: ${tp} right, ${fp} wrong, ${fn} missed; precision ${(tp / (tp + fp)).toFixed(3)} recall ${(tp / (tp + fn)).toFixed(3)}`);
console.log(mistakes.join('\n'));

// Real pages: per-term counts of accepted mentions vs expected counts.
const REAL = '/work/shared/pages';
if (existsSync(REAL)) {
  const exp = JSON.parse(readFileSync(join(FIX, 'real-pages-expected.json'), 'utf8')).pages;
  let rtp = 0, rfp = 0, rfn = 0;
  const lines: string[] = [];
  for (const file of Object.keys(exp).sort()) {
    if (!existsSync(join(REAL, file))) continue;
    const { runs, doc } = await loadRuns(readFileSync(join(REAL, file), 'utf8'));
    const found = analyse(runs, doc.body?.textContent ?? '');
    const got = new Map<string, number>();
    for (const f of found) if (f.accepted) got.set(f.termId, (got.get(f.termId) ?? 0) + 1);
    const want: Record<string, number> = exp[file].expected ?? {};
    for (const t of new Set([...got.keys(), ...Object.keys(want)])) {
      const g = got.get(t) ?? 0, w = want[t] ?? 0;
      rtp += Math.min(g, w);
      if (g > w) { rfp += g - w; lines.push(`${file}: EXTRA ${t} ${g}>${w}: ` + found.filter((f) => f.accepted && f.termId === t && f.why !== 'unambiguous').map((f) => `"${f.text}" ${f.why}`).slice(0, 4).join('; ')); }
      if (g < w) { rfn += w - g; lines.push(`${file}: SHORT ${t} ${g}<${w}: ` + found.filter((f) => !f.accepted && f.termId === t).map((f) => `"${f.text}" ${f.why} «${f.context.slice(0, 90)}»`).slice(0, 4).join('; ')); }
    }
  }
  console.log(`real pages: ${rtp} right, ${rfp} extra, ${rfn} short`);
  console.log(lines.join('\n'));
}
if (VERBOSE) console.log('(verbose)');
