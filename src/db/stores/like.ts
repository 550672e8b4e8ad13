/** A substring as it appears inside jsonb::text, as a LIKE pattern (JSON-escaped, LIKE-escaped). */
export function likePattern(needle: string): string {
  const json = JSON.stringify(needle).slice(1, -1);
  return `%${json.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
