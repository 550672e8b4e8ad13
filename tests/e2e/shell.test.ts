// The real `samrad` binary in shell mode, fed through a pipe like `printf '…' | npm start`,
// on embedded PGlite in a temporary DATA_DIR; a second run proves the data survived the restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/samrad.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'samrad-e2e-'));

function run(lines: string[], env: Record<string, string> = {}, args = ['start']): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _omit, ...base } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, DATA_DIR: dataDir, SAMRAD_USER: 'anna@arbetsformedlingen.se', SAMRAD_CHANNEL: 'unga', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('samrad start in a pipe', { timeout: 180_000 }, () => {
  it('answers each line, prints channel posts before the next line, and exits at end of input', async () => {
    const r = await run([
      'koppla arendeforum-unga',
      'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart',
      'dagordning',
      'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2099-12-10 boka trepartssamtal',
      'nonsens',
    ]);
    expect(r.code).toBe(0);
    const out = r.out;
    expect(out).toContain('Kanalen är nu kopplad till Ärendeforum unga 18–29');
    expect(out).toMatch(/\[#unga\] Ärende UNG-\d{4}-001 registrerat i Ärendeforum unga 18–29/);
    expect(out.indexOf('registrerat')).toBeLessThan(out.indexOf('Dagordning'));
    expect(out).toContain('[→ karin@helsingborg.se] Du är ägare till åtgärd #1');
    expect(out).toContain('Okänt kommando "nonsens"');
  });

  it('keeps the data across a restart', async () => {
    const r = await run(['ärende lista'], { SAMRAD_USER: 'karin@helsingborg.se' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Öppna ärenden i Ärendeforum unga 18–29 \(1\)/);
  });

  it('stops with a message naming the file and path of a bad config', async () => {
    const r = await run([], { SAMRAD_CONFIG: '/nonexistent/samrad.yaml' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('/nonexistent/samrad.yaml: cannot read the config file');
  });

  it('runs migrations on demand', async () => {
    const r = await run([], {}, ['migrate']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('migrations applied (pglite)');
  });
});
