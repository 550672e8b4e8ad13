// The protokoll as Markdown (`samrad protokoll --format md`): the same document as the PDF, line for line.
import type { ProtokollDoc } from '../core/meeting/protokoll.js';

/** Markdown special characters in free text are escaped so a case text cannot turn into markup. */
function esc(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/^#/, '\\#');
}

export function sectionHeading(s: { number?: number; heading: string }): string {
  return s.number !== undefined ? `§ ${s.number} ${s.heading}` : s.heading;
}

export function protokollMarkdown(doc: ProtokollDoc): string {
  const out: string[] = [`# ${esc(doc.title)}`, ''];
  for (const f of doc.meta) out.push(`- **${esc(f.label)}:** ${esc(f.value)}`);
  for (const s of doc.sections) {
    out.push('', `## ${esc(sectionHeading(s))}`, '');
    for (const l of s.lines) out.push(`- ${esc(l)}`);
  }
  out.push('', '---', '');
  for (const l of doc.closing) out.push(esc(l), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The text a reader sees in the Markdown, markup removed: what the PDF must say too. */
export function markdownText(md: string): string {
  return md
    .split('\n')
    .map((l) => l.replace(/^#+ /, '').replace(/^- /, '').replace(/^---$/, '').replace(/\*\*/g, '').replace(/\\(.)/g, '$1'))
    .join('\n');
}
