// RFC 5545 §3.1: content lines are folded at 75 octets (not characters), continuation lines start with
// one space, and a fold never splits a UTF-8 sequence. The `ics` package folds by characters, so a
// line with å, ä, ö reached 84 octets; we unfold its output and fold it again by octets.

const LIMIT = 75;

export function foldLines(ics: string): string {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= LIMIT) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  // The first line holds 75 octets; each continuation 74 after its leading space.
  let room = LIMIT;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > room) {
      parts.push(current);
      current = '';
      bytes = 0;
      room = LIMIT - 1;
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
