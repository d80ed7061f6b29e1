import { readFileSync } from 'node:fs';
import { GLOSSARY } from '/tmp/helper-e/wip/data/glossary.ts';
import { compileSenseRule, foldContext } from '/tmp/helper-e/wip/utils/sense-model.ts';
const senses = JSON.parse(readFileSync('/tmp/helper-e/senses.json', 'utf8'));
const ids = new Set(GLOSSARY.map((t) => t.id));
let n = 0, u = 0, c = 0, nv = 0;
const problems: string[] = [];
for (const t of GLOSSARY) {
  const s = senses[t.id];
  if (!s) { problems.push(`missing term ${t.id}`); continue; }
  const texts = new Set(t.aliases.map((a) => a.text));
  for (const k of Object.keys(s)) if (!texts.has(k)) problems.push(`extra alias ${t.id}: ${k}`);
  for (const a of t.aliases) {
    n++;
    const r = s[a.text];
    if (r === undefined) { problems.push(`missing alias ${t.id}: ${a.text}`); continue; }
    if (r === 'unambiguous') { u++; continue; }
    if (r.class === 'cue') c++; else if (r.class === 'cue-no-veto') nv++; else problems.push(`bad class ${a.text}`);
    for (const id of r.cueTerms ?? []) if (!ids.has(id)) problems.push(`bad cueTerm ${t.id}/${a.text}: ${id}`);
    const comp = compileSenseRule(r);
    const alone = ` ${foldContext(a.text)} ${foldContext(a.text)}s `;
    const cm = comp.cues?.exec(alone); if (cm) problems.push(`SELF-CUE ${t.id}/${a.text}: "${cm[0]}"`);
    const vm = comp.vetoes?.exec(alone); if (vm) problems.push(`self-veto ${t.id}/${a.text}: "${vm[0]}"`);
    // cues that are also vetoes
    const vs = new Set((r.vetoes ?? []).map((x: string) => foldContext(x)));
    for (const cue of r.cues) if (vs.has(foldContext(cue))) problems.push(`cue also veto ${a.text}: ${cue}`);
    if (!r.why) problems.push(`no why ${a.text}`);
  }
}
for (const na of senses._newAliases) {
  if (!ids.has(na.termId)) problems.push(`new alias bad term ${na.termId}`);
  if (na.sense !== 'unambiguous') for (const id of na.sense.cueTerms ?? []) if (!ids.has(id)) problems.push(`bad cueTerm new ${na.text}: ${id}`);
}
console.log({ n, u, c, nv, newAliases: senses._newAliases.length });
console.log(problems.join('\n'));
