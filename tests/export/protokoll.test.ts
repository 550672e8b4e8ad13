// The approved protokoll as a document for the archive: `samrad protokoll` prints it as Markdown or
// PDF/A (DejaVu embedded, å/ä/ö intact), the PDF's text read back says what the Markdown says, the
// audit log holds the approved PDF's SHA-256, and the tokenised link serves those very bytes.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.js';
import { minutesPdfPath, minutesPdfToken } from '../../src/core/feedtoken.js';
import { markdownText } from '../../src/export/protokoll-md.js';
import { runProtokoll } from '../../src/export/cli.js';
import { minutesRoutes } from '../../src/http/minutes.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';

const { bot, database } = useTestBot();

async function approvedMeeting() {
  await bot.say(ANNA, 'koppla arendeforum-unga');
  await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart på Komvux');
  await bot.say(KARIN, 'ärende ny grupp:ekonomiskt-bistand samtycke:nej Hemlig bakgrund om ekonomin');
  bot.clock.set('2026-12-03T13:00:00+01:00');
  await bot.say(ANNA, 'möte start');
  await bot.say(KARIN, 'åtgärd ny @karin@helsingborg.se 2026-12-10 boka trepartssamtal med studievägledaren');
  await bot.say(ANNA, 'möte beslut Forumet ställer sig bakom samplanering före årsskiftet');
  await bot.say(ANNA, 'möte nästa');
  await bot.say(ANNA, 'ärende avsluta ej-aktuellt');
  bot.clock.set('2026-12-03T14:10:00+01:00');
  await bot.say(ANNA, 'möte avsluta');
  bot.clock.set('2026-12-04T09:15:00+01:00');
  await bot.say(ANNA, 'protokoll justera');
  await bot.say(KARIN, 'protokoll justera');
}

async function cli(args: string[]): Promise<{ code: number; out: Buffer; err: string }> {
  const out: Buffer[] = [];
  let err = '';
  const code = await runProtokoll(args, { store: bot.store, config: bot.config, out: (s) => void out.push(Buffer.from(s)), err: (s) => void (err += s) });
  return { code, out: Buffer.concat(out), err };
}

/** The PDF's text as a reader's viewer extracts it (Mozilla's pdf.js). */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; fonts: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await task.destroy();
  return { text: parts.join('\n'), pages: doc.numPages, fonts: [] };
}

const words = (s: string) => s.replace(/Sida \d+ av \d+/g, ' ').replace(/\s+/g, ' ').trim();

describe('the protokoll for the archive', () => {
  it('prints Markdown and a PDF/A whose text is the same, with attendance, chair and named approvers', { timeout: 60_000 }, async () => {
    await approvedMeeting();
    const md = await cli(['--forum', 'arendeforum-unga', '--date', '2026-12-03', '--format', 'md']);
    expect(md.code).toBe(0);
    const markdown = md.out.toString('utf8');
    expect(markdown).toContain('# Protokoll – Ärendeforum unga 18–29, 2026-12-03');
    expect(markdown).toContain('torsdag 3 december 2026 kl. 13:00');
    expect(markdown).toMatch(/Närvarande:\*\* .*anna@arbetsformedlingen\.se \(Arbetsförmedlingen\).*karin@helsingborg\.se \(Helsingborgs stad\)/);
    expect(markdown).toContain('## § 1 Mötets öppnande');
    expect(markdown).toContain('## § 2 UNG-2026-001');
    expect(markdown).toContain('Beslut: Forumet ställer sig bakom samplanering före årsskiftet');
    expect(markdown).toContain('ägare karin@helsingborg.se (Helsingborgs stad), senast 2026-12-10');
    expect(markdown).toContain('Justerat av anna@arbetsformedlingen.se (Arbetsförmedlingen) 2026-12-04 09:15');
    expect(markdown).toContain('Justerat av karin@helsingborg.se (Helsingborgs stad) 2026-12-04 09:15');
    // Without consent the second case is shown de-identified, in the archive copy too.
    expect(markdown).not.toContain('Hemlig bakgrund');

    const pdf = await cli(['--forum', 'arendeforum-unga', '--format', 'pdf']);
    expect(pdf.code).toBe(0);
    expect(pdf.out.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.out.toString('latin1');
    expect(raw).toContain('pdfaid:part>2');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/DejaVuSans/);
    const { text } = await pdfText(pdf.out);
    expect(words(text)).toBe(words(markdownText(markdown)));
    expect(text).toContain('Överförs till nästa möte');
  });

  it('puts the approved PDF’s SHA-256 in the audit log, and the link serves exactly those bytes', { timeout: 60_000 }, async () => {
    await approvedMeeting();
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'minutes.approved'));
    expect(entry.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    const printed = (await cli(['--forum', 'arendeforum-unga', '--date', '2026-12-03', '--format', 'pdf'])).out;
    expect(createHash('sha256').update(printed).digest('hex')).toBe(entry.documentSha256);

    // `protokoll pdf` in chat answers with the tokenised link (a path: the test server has no public URL).
    const answer = await bot.say(KARIN, 'protokoll pdf 2026-12-03');
    expect(answer).toContain('Protokollet för 2026-12-03 som PDF');
    const path = /\/minutes\/arendeforum-unga\/2026-12-03\.pdf\?token=[\w-]+/.exec(answer)?.[0];
    expect(path).toBeTruthy();
    const forum = (await bot.store.forums.byKey('arendeforum-unga'))!;
    const server: Server = createHttpServer(minutesRoutes(bot.store, bot.config), createLogger('silent'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(path).toBe(minutesPdfPath(forum.key, '2026-12-03', minutesPdfToken(forum.calendarToken!, forum.key, '2026-12-03')));
      const res = await fetch(base + path!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const served = Buffer.from(await res.arrayBuffer());
      expect(createHash('sha256').update(served).digest('hex')).toBe(entry.documentSha256);
      expect((await fetch(`${base}/minutes/${forum.key}/2026-12-03.pdf?token=wrong`)).status).toBe(404);
      expect((await fetch(base + minutesPdfPath(forum.key, '2026-12-17', minutesPdfToken(forum.calendarToken!, forum.key, '2026-12-17')))).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('`protokoll pdf` on a draft says it comes once approved; a wrong date is a usage answer', { timeout: 60_000 }, async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    bot.clock.set('2026-12-03T13:00:00+01:00');
    await bot.say(ANNA, 'möte start');
    await bot.say(ANNA, 'möte avsluta');
    expect(await bot.say(ANNA, 'protokoll pdf')).toBe('Protokollet för 2026-12-03 är inte justerat ännu; PDF:en finns när det är justerat.');
    expect(await bot.say(ANNA, 'protokoll pdf 3/12')).toContain('protokoll pdf [ÅÅÅÅ-MM-DD]');
    expect(await bot.say(ANNA, 'minutes pdf')).toBe('The minutes of 2026-12-03 are not approved yet; the PDF exists once they are.');
  });

  it('refuses bad arguments and says when there are no minutes', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    expect((await cli(['--format', 'pdf'])).code).toBe(2);
    expect((await cli(['--forum', 'arendeforum-unga', '--format', 'docx'])).code).toBe(2);
    const none = await cli(['--forum', 'arendeforum-unga', '--format', 'md']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no minutes');
  });
});
