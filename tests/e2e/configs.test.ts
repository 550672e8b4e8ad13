// The four shipped configs (issue 17): each passes validation through the real loader, starts the real
// `samrad` binary on embedded PGlite, and runs one of its routines end to end — made by the tick with
// an injected clock, reminded, marked done, counted in the quarter's indicators. In GGVV, minutes of
// `arendeforum-gislaved` are approved by AF and Gislaved alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { addWorkingDays } from '../../src/core/dates.js';
import { createTestBot, useTestDatabase } from '../helpers/bot.js';
import { at, tickAt } from '../helpers/tick.js';

const BIN = fileURLToPath(new URL('../../bin/samrad.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const database = useTestDatabase();

function start(config: string, user: string, lines: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samrad-cfg-'));
  dirs.push(dataDir);
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _omit, ...base } = process.env;
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...base, SAMRAD_CONFIG: join(ROOT, config), DATA_DIR: dataDir, SAMRAD_USER: user, SAMRAD_CHANNEL: 'forum' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

interface Case {
  config: string;
  /** Links the forum and marks the routine done. */
  user: string;
  forum: string;
  forumName: string;
  routine: string;
  name: string;
  due: string;
  quarter: string;
}

const CASES: Case[] = [
  // Helsingborg: skolsamverkan at the start of the autumn term (18 August 2027, a Wednesday).
  { config: 'config/samrad.yaml', user: 'kontakt@arbetsformedlingen.se', forum: 'ung-helsingborg', forumName: 'Ung Helsingborg samverkansmöte', routine: 'skolsamverkan', name: 'Skolsamverkan – kontakt med gymnasieskolorna', due: '2027-08-18', quarter: '2027-Q3' },
  // Halmstad: the working group's Q2 report, 1 May 2027 (a Saturday) → Monday 3 May.
  { config: 'config/examples/halmstad.yaml', user: 'samordnare@halmstad.se', forum: 'styrgrupp-arbetsmarknad', forumName: 'Styrgrupp arbetsmarknad', routine: 'rapport-forberedande', name: 'Arbetsgrupp förberedande insatser rapporterar (Q2/Q4)', due: '2027-05-03', quarter: '2027-Q2' },
  // GGVV: the January revision, Gislaved's, 15 January 2027.
  { config: 'config/examples/ggvv.yaml', user: 'samordnare@gislaved.se', forum: 'styrgrupp', forumName: 'Styrgrupp GGVV och Arbetsförmedlingen', routine: 'revidering', name: 'Revidering av överenskommelsen', due: '2027-01-15', quarter: '2027-Q1' },
  // Laholm: the yearly KAA mailing at the start of the autumn term.
  { config: 'config/examples/laholm.yaml', user: 'samordnare@laholm.se', forum: 'kartlaggningsteam', forumName: 'Kartläggningsteam – en väg in', routine: 'kaa-utskick', name: 'KAA – årligt utskick till de unga', due: '2027-08-18', quarter: '2027-Q3' },
];

describe.each(CASES)('$config', { timeout: 240_000 }, (c) => {
  it('validates through the loader and starts the real binary on PGlite', async () => {
    const app = loadConfig({ SAMRAD_CONFIG: join(ROOT, c.config) });
    expect(app.mode).toBe('shell');
    expect(app.file.routines.map((r) => r.key)).toContain(c.routine);
    const r = await start(c.config, c.user, [`koppla ${c.forum}`, 'rutin lista']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Kanalen är nu kopplad till ${c.forumName}.`);
    expect(r.out).toContain(`Rutiner – ${c.forumName}`);
    expect(r.out).toContain(c.name);
  });

  it(`runs the routine ${c.routine} end to end`, async () => {
    const cfg = loadConfig({ SAMRAD_CONFIG: join(ROOT, c.config) }).file;
    const routine = cfg.routines.find((r) => r.key === c.routine)!;
    const bot = await createTestBot(database, { config: cfg });
    expect(await bot.say(c.user, `koppla ${c.forum}`, 'forum')).toContain(`Kanalen är nu kopplad till ${c.forumName}.`);
    const made = addWorkingDays(c.due, -routine.leadWorkingDays);
    await tickAt(bot, at(addWorkingDays(made, -1), '08:00'));
    expect(bot.port.toChannel('forum').filter((t) => t.includes('Rutin #'))).toEqual([]);
    await tickAt(bot, at(made, '08:00'));
    await tickAt(bot, at(made, '08:00'));
    // Once, although the tick ran twice (another routine of the forum may fall due the same day).
    const posted = bot.port.toChannel('forum').filter((t) => t.startsWith('Rutin #') && t.includes(`: ${c.name} – `));
    expect(posted).toHaveLength(1);
    const id = Number(/^Rutin #(\d+)/.exec(posted[0])![1]);
    expect(posted[0]).toContain(`Rutin #${id} i ${c.forumName}: ${c.name} – ${routine.text}`);
    expect(posted[0]).toContain(`senast ${c.due}`);
    // The owner is an organisation: reminded in the channel the working day before.
    await tickAt(bot, at(addWorkingDays(c.due, -1), '08:00'));
    expect(bot.port.toChannel('forum').filter((t) => t.includes(`Påminnelse: rutin #${id} i ${c.forumName}, ${c.name}`))).toHaveLength(1);
    bot.clock.set(at(c.due, '10:00'));
    expect(await bot.say(c.user, `rutin klar ${id}`, 'forum')).toBe(`Rutin #${id} ${c.name} är klar.`);
    const others = cfg.routines.filter((r) => r.forum === c.forum && r.key !== c.routine && bot.port.toChannel('forum').some((t) => t.includes(`: ${r.name} – `))).length;
    expect(await bot.say(c.user, `rapport ${c.quarter}`, 'forum')).toContain(`Rutiner: i tid 1, sent 0, inte gjorda 0, väntar ${others}`);
  });
});

describe('GGVV: a case forum of two of the five organisations', { timeout: 120_000 }, () => {
  it('approves the minutes of arendeforum-gislaved with AF and Gislaved alone', async () => {
    const cfg = loadConfig({ SAMRAD_CONFIG: join(ROOT, 'config/examples/ggvv.yaml') }).file;
    const bot = await createTestBot(database, { config: cfg, now: '2026-11-30T09:00:00+01:00' });
    const AF = 'handlaggare@arbetsformedlingen.se';
    const GIS = 'handlaggare@gislaved.se';
    await bot.say(AF, 'koppla arendeforum-gislaved', 'gis');
    await bot.say(GIS, 'ärende ny grupp:unga samtycke:ja Behöver gemensam planering', 'gis');
    bot.clock.set('2026-12-03T09:00:00+01:00'); // the first Thursday of December
    await bot.say(AF, 'möte start', 'gis');
    await bot.say(GIS, 'åtgärd ny @handlaggare@arbetsformedlingen.se 2026-12-10 boka trepartssamtal', 'gis');
    bot.clock.set('2026-12-03T10:20:00+01:00');
    await bot.say(AF, 'möte avsluta', 'gis');
    expect(await bot.say('handlaggare@varnamo.se', 'protokoll justera', 'gis')).toContain('Du tillhör ingen av forumets organisationer');
    await bot.say(GIS, 'protokoll justera', 'gis');
    expect(bot.port.toChannel('gis').at(-1)).toContain('Väntar på: Arbetsförmedlingen.');
    await bot.say(AF, 'protokoll justera', 'gis');
    expect(bot.port.toChannel('gis').at(-1)).toMatch(/Protokollet för 2026-12-03 är justerat av handlaggare@gislaved\.se \(Gislaveds kommun\).*handlaggare@arbetsformedlingen\.se \(Arbetsförmedlingen\)/);
  });
});
