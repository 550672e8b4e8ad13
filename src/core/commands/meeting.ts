// `möte …` / `meeting …`: the coordinator walks the meeting item by item, moves or cancels it;
// anyone taking part notes decisions and who informs whom.
import { z } from 'zod';
import { meetingCancel, meetingMove } from '../handlers/meeting-plan.js';
import { meetingRestore } from '../handlers/meeting-restore.js';
import { meetingAdvance, meetingEnd, meetingNote, meetingStart } from '../meeting/walk.js';
import { meetingAttendance } from '../meeting/attendance.js';
import { defineCommand, none, msg, posts } from './spec.js';
import { readDay } from '../due.js';
import { badMention, freeText, isMention, USAGE } from './words.js';

const noArgs = z.object({});

export const meetingStartCommand = defineCommand({
  id: 'meeting.start',
  group: 'meeting',
  verbs: { sv: 'möte start', en: 'meeting start' },
  // `möte start` opens today's meeting; another day's only when its date is named (`möte start 2026-12-03`).
  args: z.object({ date: z.string().nullable() }),
  parse: (rest) => (rest.length > 4 ? USAGE : { date: rest.length ? rest.join(' ') : null }),
  words: (a) => (a.date ? [a.date] : []),
  access: 'coordinator',
  run: async (h, a) => {
    const message = await meetingStart(h, a.date === null ? null : readDay(h.today, a.date));
    return message ? msg(message) : none;
  },
});

export const meetingNextCommand = defineCommand({
  id: 'meeting.next',
  group: 'meeting',
  verbs: { sv: 'möte nästa', en: 'meeting next' },
  args: noArgs,
  access: 'coordinator',
  run: (h) => posts(meetingAdvance(h, 'discussed')),
});

export const meetingSkipCommand = defineCommand({
  id: 'meeting.skip',
  group: 'meeting',
  verbs: { sv: 'möte hoppa', en: 'meeting skip' },
  args: noArgs,
  access: 'coordinator',
  run: (h) => posts(meetingAdvance(h, 'skipped')),
});

export const meetingEndCommand = defineCommand({
  id: 'meeting.end',
  group: 'meeting',
  verbs: { sv: 'möte avsluta', en: 'meeting end' },
  args: noArgs,
  access: 'coordinator',
  run: (h) => posts(meetingEnd(h)),
});

export const meetingDecideCommand = defineCommand({
  id: 'meeting.decide',
  group: 'meeting',
  verbs: { sv: 'möte beslut', en: 'meeting decide' },
  aliases: { en: ['meeting decision'] },
  args: z.object({ text: z.string() }),
  access: 'member',
  parse(rest) {
    const t = freeText.safeParse(rest.join(' '));
    return t.success ? { text: t.data } : USAGE;
  },
  words: (a) => [a.text],
  run: (h, a) => posts(meetingNote(h, { kind: 'decision', text: a.text })),
});

export const meetingInformCommand = defineCommand({
  id: 'meeting.inform',
  group: 'meeting',
  verbs: { sv: 'möte info', en: 'meeting inform' },
  aliases: { sv: ['möte informerar'] },
  args: z.object({ who: z.string(), text: z.string() }),
  access: 'member',
  parse(rest) {
    if (!isMention(rest[0])) return badMention(rest[0]);
    const t = freeText.safeParse(rest.slice(1).join(' '));
    return t.success ? { who: rest[0], text: t.data } : USAGE;
  },
  words: (a) => [a.who, a.text],
  run: (h, a) => posts(meetingNote(h, { kind: 'inform', who: a.who, text: a.text })),
});

export const meetingMoveCommand = defineCommand({
  id: 'meeting.move',
  group: 'meeting',
  verbs: { sv: 'möte flytta', en: 'meeting move' },
  args: z.object({ date: z.string(), time: z.string().nullable() }),
  access: 'coordinator',
  // `möte flytta <datum> [HH:MM]`: the date may be several words (`3 december`, `i morgon`).
  parse(rest) {
    if (!rest.length || rest.length > 5) return USAGE;
    const last = rest[rest.length - 1];
    const time = rest.length > 1 && /^\d{1,2}[:.]\d{2}$/.test(last) ? last.replace('.', ':') : null;
    return { date: (time ? rest.slice(0, -1) : rest).join(' '), time };
  },
  words: (a) => [a.date, ...(a.time ? [a.time] : [])],
  run: (h, a) => posts(meetingMove(h, a.date, a.time)),
});

export const meetingCancelCommand = defineCommand({
  id: 'meeting.cancel',
  group: 'meeting',
  verbs: { sv: 'möte ställ in', en: 'meeting cancel' },
  args: z.object({ reason: z.string().nullable() }),
  access: 'coordinator',
  // Never cut: the guard refuses a reason over the limit whole and says so (issue 15).
  parse: (rest) => ({ reason: rest.length ? rest.join(' ') : null }),
  words: (a) => (a.reason ? [a.reason] : []),
  run: (h, a) => posts(meetingCancel(h, a.reason)),
});

export const meetingRestoreCommand = defineCommand({
  id: 'meeting.restore',
  group: 'meeting',
  verbs: { sv: 'möte återställ', en: 'meeting restore' },
  aliases: { sv: ['möte ångra'], en: ['meeting uncancel'] },
  args: noArgs,
  access: 'coordinator',
  run: (h) => posts(meetingRestore(h)),
});

const CHAIR = /^(ordförande|ordforande|chair):(.*)$/i;
const SECRETARY = /^(sekreterare|secretary):(.*)$/i;

export const meetingAttendanceCommand = defineCommand({
  id: 'meeting.attendance',
  group: 'meeting',
  verbs: { sv: 'möte närvaro', en: 'meeting attendance' },
  aliases: { en: ['meeting present'] },
  args: z.object({ present: z.array(z.string()), chair: z.string().nullable(), secretary: z.string().nullable() }),
  access: 'coordinator',
  parse(rest) {
    const out: { present: string[]; chair: string | null; secretary: string | null } = { present: [], chair: null, secretary: null };
    for (const w of rest) {
      const role = CHAIR.exec(w) ?? SECRETARY.exec(w);
      const token = role ? role[2] : w;
      if (!isMention(token)) return badMention(token);
      if (!role) out.present.push(token);
      else if (CHAIR.test(w)) out.chair = token;
      else out.secretary = token;
    }
    return out.present.length || out.chair || out.secretary ? out : { error: 'usage' };
  },
  words: (a) => [...a.present, ...(a.chair ? [`ordförande:${a.chair}`] : []), ...(a.secretary ? [`sekreterare:${a.secretary}`] : [])],
  run: async (h, a) => msg(await meetingAttendance(h, a)),
});
