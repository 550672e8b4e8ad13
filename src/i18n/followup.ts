// Wording of issue 18's confirmations, digests and owner notices, Swedish and English; `sv` defines the shape.
// The refusals (`followupErrors…`) are spread into the `errors` of both languages.

export const followupErrorsSv = {
  /** `möte start` on a day without a meeting: nothing is opened. */
  meetingNotToday: (p: { day: string; date: string }) => `Mötet är ${p.day} — skriv \`möte start ${p.date}\` för att öppna det nu. Inget öppnades.`,
  noMeetingOn: (p: { date: string }) => `Forumet har inget möte ${p.date} att öppna.`,
  minutesTooEarly: (p: { day: string }) => `Mötet hålls ${p.day}; protokollet kan justeras först från den dagen.`,
  noCancelledMeeting: () => 'Forumet har inget inställt möte att återställa.',
};

export const followupErrorsEn: typeof followupErrorsSv = {
  meetingNotToday: (p) => `The meeting is on ${p.day} — type \`meeting start ${p.date}\` to open it now. Nothing was opened.`,
  noMeetingOn: (p) => `The forum has no meeting on ${p.date} to open.`,
  minutesTooEarly: (p) => `The meeting is on ${p.day}; the minutes can be approved from that day on.`,
  noCancelledMeeting: () => 'The forum has no cancelled meeting to restore.',
};

export const followupSv = {
  /** "torsdag 3 december". */
  day: (p: { weekday: string; d: number; month: string }) => `${p.weekday} ${p.d} ${p.month}`,
  meetingRestored: (p: { forum: string; when: string }) => `Mötet ${p.when} i ${p.forum} blir av ändå: det är återställt.`,
  stepDoneByOther: (p: { id: number; code: string; by: string }) => `Din åtgärd #${p.id} (${p.code}) är markerad som klar av ${p.by}.`,
  linkAsk: (p: { forum: string; key: string }) => `${p.forum} är kopplat till en annan kanal. Skriv \`koppla ${p.key} flytta\` för att flytta det hit; den gamla kanalen får veta det. Inget ändrades.`,
  linkMoveButton: 'Flytta hit',
  linkMovedAway: (p: { forum: string; by: string }) => `${p.forum} är nu flyttat till en annan kanal av ${p.by}. Den här kanalen får inga fler inlägg från forumet.`,
  digest: {
    /** The owner's morning digest (two or more items). */
    ownerTitle: (p: { n: number }) => `Dina påminnelser idag (${p.n}):`,
    coordinatorTitle: (p: { n: number }) => `Försenat i forum du samordnar (${p.n}):`,
    channelTitle: (p: { forum: string; n: number }) => `Försenat i ${p.forum} idag (${p.n}):`,
    byOwner: (p: { owner: string }) => `${p.owner}:`,
    stepBefore: (p: { id: number; code: string; text: string; due: string }) => `åtgärd #${p.id} (${p.code}) ${p.text} – senast ${p.due}, i morgon`,
    stepAfter: (p: { id: number; code: string; text: string; due: string }) => `åtgärd #${p.id} (${p.code}) ${p.text} – skulle vara klar ${p.due}, fortfarande öppen`,
    handoverBefore: (p: { id: number; code: string; name: string; due: string }) => `överlämning #${p.id} (${p.code}, ${p.name}) – besvaras senast ${p.due}`,
    handoverAfter: (p: { id: number; code: string; name: string; due: string }) => `överlämning #${p.id} (${p.code}, ${p.name}) – skulle besvaras ${p.due}, väntar på svar`,
    stepLate: (p: { id: number; code: string; text: string; due: string; days: number }) => `åtgärd #${p.id} (${p.code}) ${p.text} – senast ${p.due}, ${p.days} arbetsdagar försenad`,
    handoverLate: (p: { id: number; code: string; name: string; due: string; days: number }) => `överlämning #${p.id} (${p.code}, ${p.name}) – senast ${p.due}, ${p.days} arbetsdagar försenad`,
    forum: (p: { forum: string }) => `${p.forum}:`,
  },
};

export type FollowupMessages = typeof followupSv;

export const followupEn: FollowupMessages = {
  day: (p) => `${p.weekday} ${p.d} ${p.month}`,
  meetingRestored: (p) => `The meeting ${p.when} of ${p.forum} takes place after all: it is restored.`,
  stepDoneByOther: (p) => `Your step #${p.id} (${p.code}) was marked done by ${p.by}.`,
  linkAsk: (p) => `${p.forum} is linked to another channel. Type \`link ${p.key} move\` to move it here; the old channel is told. Nothing was changed.`,
  linkMoveButton: 'Move it here',
  linkMovedAway: (p) => `${p.forum} has been moved to another channel by ${p.by}. This channel gets no more posts from the forum.`,
  digest: {
    ownerTitle: (p) => `Your reminders today (${p.n}):`,
    coordinatorTitle: (p) => `Overdue in forums you coordinate (${p.n}):`,
    channelTitle: (p) => `Overdue in ${p.forum} today (${p.n}):`,
    byOwner: (p) => `${p.owner}:`,
    stepBefore: (p) => `step #${p.id} (${p.code}) ${p.text} – due ${p.due}, tomorrow`,
    stepAfter: (p) => `step #${p.id} (${p.code}) ${p.text} – was due ${p.due}, still open`,
    handoverBefore: (p) => `handover #${p.id} (${p.code}, ${p.name}) – to be answered by ${p.due}`,
    handoverAfter: (p) => `handover #${p.id} (${p.code}, ${p.name}) – was due ${p.due}, still waiting`,
    stepLate: (p) => `step #${p.id} (${p.code}) ${p.text} – due ${p.due}, ${p.days} working days overdue`,
    handoverLate: (p) => `handover #${p.id} (${p.code}, ${p.name}) – due ${p.due}, ${p.days} working days overdue`,
    forum: (p) => `${p.forum}:`,
  },
};
