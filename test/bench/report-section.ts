import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';

/**
 * Writes one benchmark's section into the report, between its markers
 * (`<!-- name:start -->` … `<!-- name:end -->`): in place when the report has them, else at the
 * end. Each benchmark script owns one section, so that they can run one at a time.
 */
export async function writeReportSection(
  reportPath: string,
  name: string,
  markdown: string,
): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n\n${markdown.trim()}\n\n${end}`;
  const report = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '';
  const from = report.indexOf(start);
  const to = report.indexOf(end, from);
  // A start without its end would make the next run swallow what follows it.
  if (from >= 0 !== to >= 0) throw new Error(`${reportPath}: ${name} has one marker of two`);
  const updated =
    from >= 0 && to >= 0
      ? report.slice(0, from) + section + report.slice(to + end.length)
      : `${report.trimEnd()}\n\n${section}\n`;
  writeFileSync(reportPath, await format(updated, { parser: 'markdown' }));
}
