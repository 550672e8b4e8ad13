// Bad input of every kind, generated here, through the public entry (Samrad.handle) on a real database:
// each gets one clear, polite answer, nothing crashes, nothing changes (every table compared before and
// after), nothing is posted, and afterwards neither a dump of the database nor the logs hold any of it.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Samrad } from '../../src/core/samrad.js';
import { toPlainText } from '../../src/core/plaintext.js';
import type { Reply } from '../../src/core/model.js';
import { createLogger } from '../../src/log.js';
import { messages } from '../../src/i18n/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { dump, snapshot } from '../helpers/dump.js';
import { ANNA, createTestBot, KARIN, OLLE, shellUser, STRANGER, type TestBot } from '../helpers/bot.js';
import { luhnDigit } from '../helpers/identity.js';

// ---- identities built in code (never a literal that looks real) --------------------------------
const pnrTail = (d: string, s: string) => s + luhnDigit(d + s);
const AT = '@';
const PII: [string, string][] = [
  ['pnr 10', `900101${pnrTail('900101', '123')}`],
  ['pnr dash', `050315-${pnrTail('050315', '234')}`],
  ['pnr 12', `19900101-${pnrTail('900101', '123')}`],
  ['pnr plus', `200101+${pnrTail('200101', '345')}`],
  ['pnr spaced', `900101 - ${pnrTail('900101', '123')}`],
  ['pnr ISO', `1990-01-01-${pnrTail('900101', '123')}`],
  ['samordningsnummer', `900161-${pnrTail('900161', '123')}`],
  ['email', `kalle.exempel${AT}example.org`],
  ['email obfuscated', 'kalle [at] example.org'],
  ['mobile', '070-174 06 50'],
  ['mobile intl', '+46 70 174 06 50'],
  ['landline', '08-465 004 50'],
  ['address', 'Exempelgatan 12, 999 99 Påhittby'],
];
const BROADCAST = ['<!channel>', '<!here>', '<!everyone>', '@here', '@channel', '<!subteam^S01|@alla>'];
const LONG = 'å'.repeat(10_000);
const LONG_EMOJI = '🙂'.repeat(5_000);

// ---- the corpus ----------------------------------------------------------------------------------
type Where = 'unga' | 'uhb' | 'nowhere' | 'dm';
interface Bad {
  name: string;
  text: string;
  user?: string;
  where?: Where;
  /** What the answer must say (the right refusal, not just any). */
  says?: RegExp;
  /** Strings that must appear neither in the answer, nor in the database, nor in the logs. */
  secrets?: string[];
}

let marker = 0;
/** A distinctive word in a free-text position, to look for afterwards. */
const mark = () => `zqx${String(++marker).padStart(3, '0')}`;

function corpus(): Bad[] {
  const out: Bad[] = [];
  const add = (b: Bad) => out.push(b);

  // Unknown commands, odd words and injection attempts as the verb.
  const verbs = [
    'blaha', 'ärenden', 'hej', 'SELECT', 'exit', '/forum', '!help', '#', '…', 'ärende!', '🙂', '👍🏽', '🧑‍💻', '🇸🇪',
    '\u202eärende', 'ärende\u200b', 'مرحبا', '你好', "';", '*bold*', '`code`', '<script>alert(1)</script>', '[x](http://x)',
    '${jndi:ldap://x}', '{{7*7}}', '%00', 'null', 'undefined', 'NaN', '<@U123|karin>', '<at>Samråd</at>', '&lt;',
  ];
  for (const v of verbs) add({ name: `unknown command ${JSON.stringify(v)}`, text: `${v} lista`, says: /Okänt kommando|Unknown command/ });
  for (const b of BROADCAST) add({ name: `mass mention as command ${b}`, text: `${b} ärende lista`, says: /Okänt kommando/, secrets: [b] });
  add({ name: "SQL as command", text: "'; drop table case_items; --", says: /Okänt kommando/ });

  // Shapes the parser refuses.
  const shapes: [string, RegExp][] = [
    ['ärende', /ofullständigt/], ['ärende foo', /ofullständigt/], ['ärende visa', /ofullständigt/], ['ärende visa a b', /ofullständigt/],
    ['ärende lista extra', /ofullständigt/], ['ärende avsluta', /ofullständigt/], ['ärende avsluta a b c', /ofullständigt/],
    ['ärende visa UNG-26-1', /ingen ärendekod/], ['ärende visa UNG-2026-', /ingen ärendekod/], ['ärende visa 🙂', /ingen ärendekod/],
    ["ärende visa UNG-2026-001'--", /ingen ärendekod/], ['ärende visa UNG-2026-001;DROP', /ingen ärendekod/],
    ['ärende avsluta UNG-2026-001 semester', /Okänt utfall/], ['ärende avsluta UNG-2026-001 🙂', /Okänt utfall/],
    ["ärende avsluta UNG-2026-001 '||'", /Okänt utfall/], ['ärende ny samtycke:kanske fråga', /Okänt samtycke/],
    ['ärende ny samtycke: fråga', /Okänt samtycke/], ['ärende ny grupp:pensionärer fråga', /Okänd målgrupp/],
    ["ärende ny grupp:x'); fråga", /Okänd målgrupp/], ['ärende ny kategori:hälsa fråga', /Okänd kategori/],
    ['ärende ny kategori:<!channel> fråga', /Okänd kategori/], ['ärende ny grupp:unga', /ofullständigt/],
    ['åtgärd', /ofullständigt/], ['åtgärd klar', /ofullständigt/], ['åtgärd klar 1 2', /ofullständigt/],
    ['åtgärd klar -1', /inget giltigt nummer/], ['åtgärd klar 0', /inget giltigt nummer/], ['åtgärd klar 99999999999', /inget giltigt nummer/],
    ['åtgärd klar 1.5', /inget giltigt nummer/], ['åtgärd klar abc', /inget giltigt nummer/], ["åtgärd klar 1;drop", /inget giltigt nummer/],
    ['åtgärd klar 999', /Hittar ingen åtgärd #999/], ['åtgärd ny UNG-2026-001 @karin@helsingborg.se fredag', /ofullständigt/], ['åtgärd ny XX @karin boka', /ingen ärendekod/],
    ['åtgärd ny UNG-2026-001 karin fredag boka', /ingen person/], ['åtgärd ny UNG-2026-001 @karin@helsingborg.se', /ofullständigt/],
    ['koppla a b', /ofullständigt/], ['koppla ../etc/passwd', /ofullständigt/], ['koppla finns-inte', /inget forum "finns-inte"/],
    ["koppla x'--", /ofullständigt/], ['koppla <!channel>', /ofullständigt/], ['rapport', /ofullständigt/], ['rapport 2026-Q5', /inget kvartal/],
    ['rapport Q1-2026', /inget kvartal/], ['möte', /ofullständigt/], ['möte ställ', /ofullständigt/], ['möte flytta', /ofullständigt/],
    ['protokoll', /ofullständigt/], ['protokoll justera nu', /ofullständigt/], ['överlämning', /ofullständigt/], ['överlämning svar', /ofullständigt/],
    ['överlämning svar x', /inget giltigt nummer/], ['överlämning svar 1 utan-likhetstecken', /fält=värde/], ['överlämning ny sfi XX @k', /ingen ärendekod/],
    ['överlämning ny sfi UNG-2026-001 karin', /ingen person/], ['överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast', /ofullständigt/],
    ['', /Skriv ett kommando/], ['   ', /Skriv ett kommando/], ['\u0000\u0001\u0002', /Skriv ett kommando/], ['\t\n\r', /Skriv ett kommando/],
  ];
  for (const [text, says] of shapes) add({ name: `shape ${JSON.stringify(text)}`, text, says });

  // Dates a step cannot have.
  const dates = [
    '2026-02-30', '2026-13-01', '0000-00-00', '9999-99-99', '32/1', '1/13', '31/4', 'igår', 'förrgår', '+x', '+', '-3', '+0', '+999',
    '+99999999', 'fredag2', 'nästa-vecka', '١٢/١٢', '🗓️', "2026-12-01'--", '2020-01-01', '2026-11-24', '1/1/1/1', 'NaN', 'Infinity', '1e10',
  ];
  for (const d of dates) add({ name: `date ${JSON.stringify(d)}`, text: `åtgärd ny UNG-2026-001 @${KARIN} ${d} boka ${mark()}`, says: /datum|passerat|ofullständigt/ });

  // Malformed or unknown mentions.
  const mentions = ['@', '@@', '@ karin', '@karin@', '@karin@helsingborg', `@someone@example.org`, '@<@U1|', '@<!channel>', "@x'--@y.se", '@🙂@helsingborg.se', `@${'k'.repeat(300)}@example.org`];
  for (const m of mentions) add({ name: `mention ${JSON.stringify(m.slice(0, 30))}`, text: `åtgärd ny UNG-2026-001 ${m} fredag boka ${mark()}`, says: /person|Hittar ingen|ofullständigt/ });

  // Every free-text position, with every kind of identity, mass mention and an over-long text.
  const positions: [string, (s: string) => string, Where, string][] = [
    ['case question', (s) => `ärende ny grupp:unga samtycke:ja Behöver stöd ${s}`, 'unga', ANNA],
    ['step text', (s) => `åtgärd ny UNG-2026-001 @${KARIN} fredag ring ${s}`, 'unga', ANNA],
    ['topic text', (s) => `fråga ny Hur gör vi med ${s}`, 'uhb', KARIN],
    ['meeting cancel reason', (s) => `möte ställ in sjuk, kontakt ${s}`, 'unga', ANNA],
    ['handover field', (s) => `överlämning svar 1 skola=Komvux kontakt ${s}`, 'unga', KARIN],
  ];
  for (const [pos, build, where, user] of positions) {
    for (const [kind, value] of PII) add({ name: `${pos}: ${kind}`, text: build(`${value} ${mark()}`), where, user, says: /innehåller/, secrets: [value] });
    for (const b of BROADCAST) add({ name: `${pos}: ${b}`, text: build(`${b} ${mark()}`), where, user, says: /massutskick/, secrets: [b] });
    add({ name: `${pos}: 10 000 characters`, text: build(LONG), where, user, says: /för lång|ofullständigt/ });
    add({ name: `${pos}: 10 000 emoji`, text: build(LONG_EMOJI), where, user, says: /för lång|ofullständigt/ });
  }

  // People and places that may not do it.
  const mine = (text: string) => `${text} ${mark()}`;
  for (const text of ['ärende lista', 'ärende visa UNG-2026-001', 'dagordning', 'mina', mine('ärende ny grupp:unga fråga'), 'åtgärd klar 1', 'ärende logg UNG-2026-001', 'koppla arendeforum-vuxna', 'ärende avsluta UNG-2026-001 studier']) {
    add({ name: `unknown organisation: ${text}`, text, user: STRANGER, says: /tillhör ingen av forumets organisationer/ });
  }
  for (const text of ['ärende lista', 'ärende visa UNG-2026-001', 'dagordning', mine('ärende ny fråga'), 'ärende logg UNG-2026-001', 'koppla arendeforum-vuxna']) {
    add({ name: `direct message: ${text}`, text, where: 'dm', says: /direktmeddelande/ });
  }
  for (const text of ['ärende lista', 'ärende visa UNG-2026-001', 'dagordning', 'mina', mine('ärende ny fråga'), 'åtgärd klar 1']) {
    add({ name: `unlinked channel: ${text}`, text, where: 'nowhere', says: /inte kopplad|Hittar ingen åtgärd/ });
  }
  add({ name: 'not coordinator: log', text: 'ärende logg UNG-2026-001', user: KARIN, says: /bara forumets samordnare/ });
  add({ name: "not raiser: close another's case", text: 'ärende avsluta UNG-2026-001 studier', user: KARIN, says: /Bara den som lyfte/ });
  add({ name: 'not coordinator: move forum', text: 'koppla arendeforum-unga', user: KARIN, where: 'uhb', says: /redan kopplad till Ung Helsingborg/ });
  add({ name: 'not coordinator: take forum', text: 'koppla ung-helsingborg', user: OLLE, where: 'nowhere', says: /Bara samordnaren/ });
  add({ name: 'topic in a case forum', text: mine('fråga ny något'), says: /ärendeforum/ });
  add({ name: 'case in a topic forum', text: mine('ärende ny något'), where: 'uhb', user: KARIN, says: /temamöte/ });
  add({ name: 'another forum’s case', text: 'ärende visa UHB-2026-001', says: /Hittar inget ärende/ });
  add({ name: 'a step of another forum, not owned', text: 'åtgärd klar 1', user: OLLE, where: 'uhb', says: /Hittar ingen åtgärd/ });
  return out;
}

// ---- the run ---------------------------------------------------------------------------------------
let database: TestDatabase;
let bot: TestBot;
let core: Samrad;
const logLines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  bot = await createTestBot(database);
  // The same bot, but logging at the most verbose level into memory: nothing typed may reach a log line.
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  core = new Samrad({ ...bot.core.deps, logger: createLogger('trace', sink) });
  const must = async (user: string, text: string, where: Where) => expect((await say(user, text, where)).ok, text).toBe(true);
  await must(ANNA, 'koppla arendeforum-unga', 'unga');
  await must(KARIN, 'koppla ung-helsingborg', 'uhb');
  await must(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart', 'unga');
  await must(ANNA, `åtgärd ny UNG-2026-001 @${KARIN} +3 boka trepartssamtal`, 'unga');
  // Where the scheduler's handlers exist this opens handover #1 owed by KARIN, so the field position
  // above reaches the guard; without them it is refused and the position is refused as not yet there.
  await say(ANNA, `överlämning ny sfi UNG-2026-001 @${KARIN}`, 'unga');
});
afterAll(async () => {
  await database.close();
});

function say(user: string, text: string, where: Where): Promise<Reply> {
  const channel = where === 'dm' ? { platform: 'shell' as const, id: `dm:${user}`, direct: true } : { platform: 'shell' as const, id: where };
  return core.handle({ identity: shellUser(user), channel, text });
}

const CORPUS = corpus();
const INTERNAL = messages('sv').errors.internal();

describe('bad input corpus', () => {
  it('has at least 200 inputs', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
  });

  it('answers each one clearly and changes nothing', async () => {
    // Nothing may change, so every input is compared with the state before the first one.
    const before = await snapshot(database);
    for (const bad of CORPUS) {
      const sent = bot.port.sent.length;
      const reply = await say(bad.user ?? ANNA, bad.text, bad.where ?? 'unga');
      const out = reply.message ? toPlainText(reply.message) : '';
      expect(reply.ok, `${bad.name}: ${out}`).toBe(false);
      expect(out.trim().length, bad.name).toBeGreaterThan(0);
      expect(out, bad.name).not.toBe(INTERNAL);
      expect(out.length, bad.name).toBeLessThan(600);
      if (bad.says) expect(out, bad.name).toMatch(bad.says);
      for (const s of bad.secrets ?? []) expect(out, `${bad.name} echoes it`).not.toContain(s);
      expect(out, `${bad.name} echoes a mass mention`).not.toMatch(/<!(channel|here|everyone)|(?<![\w@])@(here|channel|everyone)\b/);
      expect(bot.port.sent.length, `${bad.name} posted something`).toBe(sent);
      expect(await snapshot(database), `${bad.name} changed the database`).toBe(before);
    }
  }, 300_000);

  it('leaves none of it in a dump of the database or in the logs', async () => {
    const { tool, text } = await dump(database);
    if (database.kind === 'postgres') expect(tool).toBe('pg_dump');
    expect(text).toContain('UNG-2026-001'); // the dump is real: the case raised in setup is there
    expect(text).toContain('Behöver samplanering kring studiestart');
    const logs = logLines.join('');
    expect(logs).toContain('"command":"case.new"'); // the logs are real: one line a command
    for (const bad of CORPUS) {
      for (const s of bad.secrets ?? []) {
        expect(text, `${bad.name} in the dump`).not.toContain(s);
        expect(logs, `${bad.name} in the logs`).not.toContain(s);
      }
    }
    expect(text).not.toMatch(/zqx\d{3}/);
    expect(logs).not.toMatch(/zqx\d{3}/);
    expect(logs).not.toContain('Behöver samplanering');
    expect(logs).not.toContain('trepartssamtal');
  });
});

describe('logs', () => {
  it('a command logs what ran and its outcome, never what was typed', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logged = new Samrad({ ...bot.core.deps, logger: createLogger('info', sink) });
    const secret = 'Behöver hjälp med körkortsteori zqy';
    await logged.handle({ identity: shellUser(ANNA), channel: { platform: 'shell', id: 'unga' }, text: `ärende ny ${secret}` });
    await logged.handle({ identity: shellUser(ANNA), channel: { platform: 'shell', id: 'unga' }, text: `ärende ny Ring ${PII[9][1]} zqy` });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, msg: 'command', command: 'case.new', ok: true, platform: 'shell' });
    expect(JSON.parse(lines[1])).toMatchObject({ level: 30, msg: 'command', command: 'case.new', ok: false, refused: 'pii' });
    expect(lines.join('')).not.toContain('zqy');
    expect(lines.join('')).not.toContain(ANNA);
  });

  it('an internal failure is logged without the failed statement\'s values, and the user is told nothing changed', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const failing = Object.create(bot.store) as typeof bot.store;
    failing.transaction = async () => {
      throw new Error('Failed query: insert into "case_items" … params: Behöver hjälp zqw');
    };
    const broken = new Samrad({ ...bot.core.deps, store: failing, logger: createLogger('info', sink) });
    const reply = await broken.handle({ identity: shellUser(ANNA), channel: { platform: 'shell', id: 'unga' }, text: 'ärende ny Behöver hjälp zqw' });
    expect(toPlainText(reply.message!)).toBe(INTERNAL);
    const error = lines.map((l) => JSON.parse(l)).find((l) => l.level === 50);
    expect(error).toMatchObject({ msg: 'command failed', command: 'case.new', error: 'Error' });
    expect(error.frames).toMatch(/samrad\.ts/);
    expect(lines.join('')).not.toContain('zqw');
  });

  it('redacts message text, payloads, bodies and tokens that a caller passes by mistake', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    logger.info({ text: 'hemlig1', payload: { blocks: ['hemlig2'] }, req: { body: 'hemlig3', headers: { authorization: 'Bearer hemlig4' } }, token: 'hemlig5', m: { question: 'hemlig6' } }, 'x');
    expect(lines.join('')).not.toMatch(/hemlig\d/);
    expect(lines.join('')).toContain('[redacted]');
  });
});
