// The quarterly follow-up on a seeded quarter, checked against figures worked out by hand.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { handovers } from '../../src/db/schema/index.js';
import { createHttpServer } from '../../src/http/server.js';
import { reportRoutes } from '../../src/http/reports.js';
import { createLogger } from '../../src/log.js';
import { runReport } from '../../src/report/cli.js';
import { median } from '../../src/core/report/indicators.js';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';

const { bot, database } = useTestBot({ now: '2026-09-15T09:00:00+02:00', setup: () => seedQuarter() });

async function at(iso: string, user: string, line: string): Promise<void> {
  bot.clock.set(iso);
  const r = await bot.sayRaw(user, line);
  if (!r.ok) throw new Error(`seed "${line}" refused: ${JSON.stringify(r.message)}`);
}

/**
 * Q4 2026 in Ärendeforum unga, worked out by hand:
 * raised in Q4: 002 (AF, unga), 003 (Hbg, unga + ekonomiskt bistånd), 004 (Hbg, no group), 005 (AF, etablering)
 * days to first step: 002 3, 003 10, 004 0, 005 4 → median 3.5 over 4 cases
 * steps due in Q4: #1 on time, #2 on time, #3 late, #4 on time, #5 never done → 3 of 5 = 60 %
 * handovers due in Q4: one on time, one late, one never (a fourth is due in Q1)
 * closed in Q4: 001 arbete, 002 studier, 004 ej aktuellt
 */
async function seedQuarter() {
  await at('2026-09-15T09:00:00+02:00', ANNA, 'koppla arendeforum-unga');
  await at('2026-09-20T10:00:00+02:00', ANNA, 'ärende ny grupp:unga Fråga från september'); // 001, Q3
  await at('2026-10-01T10:00:00+02:00', ANNA, 'åtgärd ny UNG-2026-001 @anna@arbetsformedlingen.se 2026-10-06 steg ett'); // #1
  await at('2026-10-05T10:00:00+02:00', ANNA, 'ärende ny grupp:unga Studiestart'); // 002
  await at('2026-10-06T15:00:00+02:00', ANNA, 'åtgärd klar 1');
  await at('2026-10-07T10:00:00+02:00', ANNA, 'ärende avsluta UNG-2026-001 arbete');
  await at('2026-10-08T10:00:00+02:00', ANNA, 'åtgärd ny UNG-2026-002 @anna@arbetsformedlingen.se 2026-10-20 steg två'); // #2
  await at('2026-10-12T10:00:00+02:00', KARIN, 'ärende ny grupp:unga,ekonomiskt-bistand Ekonomi och studier'); // 003
  await at('2026-10-19T10:00:00+02:00', ANNA, 'åtgärd klar 2');
  await at('2026-10-22T10:00:00+02:00', KARIN, 'åtgärd ny UNG-2026-003 @karin@helsingborg.se 2026-11-02 steg tre'); // #3
  await at('2026-11-02T10:00:00+01:00', OLLE, 'ärende ny Behov av samplanering'); // 004
  await at('2026-11-02T11:00:00+01:00', OLLE, 'åtgärd ny UNG-2026-004 @olle@helsingborg.se 2026-12-15 steg fyra'); // #4
  await at('2026-11-05T10:00:00+01:00', KARIN, 'åtgärd klar 3');
  await at('2026-11-05T10:05:00+01:00', KARIN, 'åtgärd ny UNG-2026-003 @karin@helsingborg.se 2026-11-20 steg fem'); // #5
  await at('2026-12-01T10:00:00+01:00', ANNA, 'ärende ny grupp:etablering Nyanländ med utbildningsplikt'); // 005
  await at('2026-12-05T10:00:00+01:00', ANNA, 'åtgärd ny UNG-2026-005 @anna@arbetsformedlingen.se 2027-01-05 steg sex'); // #6, due in Q1
  await at('2026-12-10T10:00:00+01:00', ANNA, 'ärende avsluta UNG-2026-002 studier');
  await at('2026-12-15T16:00:00+01:00', OLLE, 'åtgärd klar 4');
  await at('2026-12-16T10:00:00+01:00', OLLE, 'ärende avsluta UNG-2026-004 ej-aktuellt');
  const c3 = (await bot.store.cases.byCode('UNG-2026-003'))!;
  const base = { templateKey: 'sfi', caseId: c3.id, forumKey: 'arendeforum-unga', fromMemberId: 1, fromOrganisationKey: 'af', toMemberId: 2, toOrganisationKey: 'helsingborg', createdAt: new Date('2026-10-15T10:00:00+02:00') };
  await database.db.insert(handovers).values([
    { ...base, dueDate: '2026-10-30', status: 'answered', answeredAt: new Date('2026-10-29T12:00:00+01:00') },
    { ...base, dueDate: '2026-11-13', status: 'answered', answeredAt: new Date('2026-11-20T12:00:00+01:00') },
    { ...base, dueDate: '2026-12-04' },
    { ...base, dueDate: '2027-01-15' },
  ]);
  bot.clock.set('2027-01-10T09:00:00+01:00');
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runReport(args, { store: bot.store, config: bot.config, now: bot.clock.now(), out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('quarterly indicators', () => {
  it('match the hand-computed figures (json)', async () => {
    const { code, out } = await cli(['--quarter', '2026-Q4', '--format', 'json', '--forum', 'arendeforum-unga']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', asOf: '2027-01-10' });
    expect(r.forums).toHaveLength(1);
    const f = r.forums[0];
    expect(f.casesRaised).toBe(4);
    expect(Object.fromEntries(f.byTargetGroup.filter((g: { count: number }) => g.count).map((g: { key: string; count: number }) => [g.key, g.count]))).toEqual({ unga: 2, 'ekonomiskt-bistand': 1, etablering: 1, '': 1 });
    // The city's administrations (members of the city by membership) are listed too; these cases were raised by people of the city itself.
    expect(f.byOrganisation).toEqual([{ key: 'af', count: 2 }, { key: 'helsingborg', count: 2 }, { key: 'amf', count: 0 }, { key: 'komvux', count: 0 }, { key: 'ung', count: 0 }, { key: 'socialtjanst', count: 0 }]);
    expect(f.daysToFirstStep).toEqual({ median: 3.5, cases: 4 });
    expect(f.steps).toEqual({ due: 5, onTime: 3, sharePercent: 60 });
    expect(f.handovers).toEqual({ due: 3, onTime: 1, late: 1, never: 1, pending: 0 });
    expect(f.outcomes).toEqual({ arbete: 1, studier: 1, insats: 0, samplanering: 0, 'ej-aktuellt': 1 });
  });

  it('a forum without activity reports zeros, not errors', async () => {
    const r = JSON.parse((await cli(['--quarter', '2026-Q4', '--format', 'json'])).out);
    const vuxna = r.forums.find((f: { forumKey: string }) => f.forumKey === 'arendeforum-vuxna');
    expect(vuxna).toMatchObject({ casesRaised: 0, daysToFirstStep: { median: null, cases: 0 }, steps: { due: 0, onTime: 0, sharePercent: null } });
  });

  it('the median of an odd and an even count', () => {
    expect(median([10, 0, 3])).toBe(3);
    expect(median([10, 0, 4, 3])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('CSV for Swedish Excel', () => {
  it('has a UTF-8 BOM, semicolons and decimal commas, and parses back', async () => {
    const { out } = await cli(['--quarter', '2026-Q4', '--format', 'csv', '--forum', 'arendeforum-unga']);
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out).toContain('\r\n');
    const rows: string[][] = parse(out, { delimiter: ';', bom: true });
    expect(rows[0]).toEqual(['Forum', 'Kvartal', 'Indikator', 'Kategori', 'Värde']);
    const value = (indicator: string, category = '') => rows.find((r) => r[2] === indicator && r[3] === category)?.[4];
    expect(value('Anmälda ärenden')).toBe('4');
    expect(value('Median dagar från anmälan till första åtgärd')).toBe('3,5');
    expect(value('Andel åtgärder klara i tid', '%')).toBe('60');
    expect(value('Anmälda ärenden per målgrupp', 'Ekonomiskt bistånd')).toBe('1');
    expect(value('Anmälda ärenden per målgrupp', 'ingen angiven')).toBe('1');
    expect(value('Anmälda ärenden per organisation', 'Helsingborgs stad')).toBe('2');
    expect(value('Överlämningar', 'obesvarade')).toBe('1');
    expect(value('Utfall', 'ej aktuellt')).toBe('1');
    expect(rows.slice(1).every((r) => r[0] === 'arendeforum-unga' && r[1] === '2026-Q4')).toBe(true);
  });

  it('markdown is readable', async () => {
    const { out } = await cli(['--quarter', '2026-q4', '--forum', 'arendeforum-unga']);
    expect(out).toContain('# Uppföljning 2026-Q4 (2026-10-01 – 2026-12-31)');
    expect(out).toContain('| Median dagar från anmälan till första åtgärd |  | 3,5 |');
  });

  it('refuses bad arguments with exit code 2', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['--quarter', '2026-Q5'])).err).toMatch(/--quarter YYYY-Qn/);
    expect((await cli(['--quarter', '2026-Q4', '--format', 'xls'])).err).toMatch(/csv, md, json/);
    expect((await cli(['--quarter', '2026-Q4', '--forum', 'nope'])).err).toMatch(/unknown forum "nope"/);
  });
});

describe('rapport in the chat, with a chart', () => {
  let server: Server | null = null;
  afterEach(async () => {
    if (server) await new Promise((r) => server!.close(r));
    server = null;
  });

  it('answers with the figures and a link to a PNG chart that only the token opens', async () => {
    const reply = await bot.sayRaw(KARIN, 'rapport 2026-Q4');
    const text = await bot.say(KARIN, 'rapport 2026-Q4');
    expect(text).toContain('Uppföljning 2026-Q4 – Ärendeforum unga 18–29');
    expect(text).toContain('Median dagar från anmälan till första åtgärd: 3,5 (4)');
    expect(text).toContain('Andel åtgärder klara i tid: 60 % (3/5)');
    expect(text).toContain('Överlämningar: i tid 1, sent 1, obesvarade 1, väntar 0');
    expect(text).toContain('Utfall: arbete 1, studier 1, insats 0, samplanering 0, ej aktuellt 1');
    const image = reply.message!.blocks.find((b) => b.type === 'image');
    expect(image?.type === 'image' && image.url).toMatch(/^\/reports\/arendeforum-unga\/2026-Q4\.png\?token=[\w-]{40,}$/);
    const url = image?.type === 'image' ? image.url : '';

    server = createHttpServer(reportRoutes(bot.store, bot.config, bot.clock), createLogger('silent'));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await fetch(base + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(3000);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(3000);
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(2_000_000);

    // The token opens this forum's chart for this quarter only.
    const token = url.split('token=')[1];
    expect((await fetch(`${base}/reports/arendeforum-unga/2026-Q4.png?token=${token.startsWith('x') ? 'y' : 'x'}${token.slice(1)}`)).status).toBe(404);
    expect((await fetch(`${base}/reports/arendeforum-unga/2026-Q3.png?token=${token}`)).status).toBe(404);
    expect((await fetch(`${base}/reports/arendeforum-vuxna/2026-Q4.png?token=${token}`)).status).toBe(404);
    expect((await fetch(`${base}/reports/arendeforum-unga/2026-Q4.png`)).status).toBe(404);
  });

  it('answers in English with a decimal point, and refuses a bad quarter', async () => {
    expect(await bot.say(KARIN, 'report 2026-Q4')).toContain('Median days from raised to first next step: 3.5 (4)');
    expect(await bot.say(KARIN, 'rapport 2026-Q5')).toBe('"2026-Q5" är inget kvartal. Skriv t.ex. 2026-Q4.');
  });
});
