// A config with N case forums (bench only): the shipped organisations, target groups and templates,
// and N copies of the shipped case forum with their own keys, prefixes and meeting days.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './lib.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Forum i's key and prefix: bench-001 / FAA, FAB, … */
export function benchForum(i: number): { key: string; prefix: string } {
  return { key: `bench-${String(i + 1).padStart(3, '0')}`, prefix: `F${LETTERS[Math.floor(i / 26) % 26]}${LETTERS[i % 26]}` };
}

/** Writes the config to a temporary file; returns its path. */
export function forumsConfig(n: number): string {
  const doc = parse(readFileSync(join(ROOT, 'config', 'samrad.yaml'), 'utf8')) as { forums: Record<string, unknown>[]; routines?: unknown };
  // The shipped routines name the shipped forums, which the bench's forums replace.
  delete doc.routines;
  const model = doc.forums.find((f) => f.kind === 'case')!;
  doc.forums = Array.from({ length: n }, (_, i) => {
    const { key, prefix } = benchForum(i);
    // Anchors spread over two weeks of working days, so meetings (and agendas) fall on every day.
    const day = new Date(Date.UTC(2026, 0, 12 + (i % 5) + 7 * (Math.floor(i / 5) % 2))).toISOString().slice(0, 10);
    return { ...model, key, prefix, name: `Bänkforum ${i + 1}`, coordinator: undefined, cadence: { ...(model.cadence as object), anchor: day } };
  });
  const path = join(mkdtempSync(join(tmpdir(), 'samrad-bench-')), `forums-${n}.yaml`);
  writeFileSync(path, stringify(doc));
  return path;
}
