// English texts of forum routines (issue 17); same shape as routines.sv.ts.
import type { routineErrorsSv, routineTextsSv } from './routines.sv.js';

export const routineErrorsEn = {
  routineNotFound: (p: { id: string }) => `No routine #${p.id} that you can mark.`,
  routineAlreadyDone: (p: { id: string }) => `Routine #${p.id} is already done.`,
} satisfies typeof routineErrorsSv;

export const routineTextsEn = {
  title: 'Routines',
  created: (p: { id: number; name: string; text: string; due: string; owner: string; forum: string }) =>
    `Routine #${p.id} in ${p.forum}: ${p.name} – ${p.text} Responsible: ${p.owner}, due ${p.due}. Write \`routine done ${p.id}\` when it is done.`,
  remindBefore: (p: { id: number; name: string; due: string; forum: string; owner: string }) =>
    `Reminder: routine #${p.id} in ${p.forum}, ${p.name} (${p.owner}), is due ${p.due}. Write \`routine done ${p.id}\` when it is done.`,
  remindAfter: (p: { id: number; name: string; due: string; forum: string; owner: string }) =>
    `Routine #${p.id} in ${p.forum}, ${p.name} (${p.owner}), was due ${p.due} and is still open. Write \`routine done ${p.id}\` if it is done.`,
  escalation: (p: { id: number; name: string; due: string; forum: string; owner: string; days: number }) =>
    `Overdue routine in ${p.forum}: #${p.id} ${p.name} – responsible ${p.owner}, due ${p.due}, ${p.days} working days late.`,
  line: (p: { id: number; name: string; due: string; owner: string; late: boolean }) => `#${p.id} ${p.name} – ${p.owner}, due ${p.due}${p.late ? ' (late)' : ''}`,
  mine: (p: { id: number; name: string; due: string; forum: string; late: boolean }) => `Routine #${p.id} (${p.forum}): ${p.name} – due ${p.due}${p.late ? ' (late)' : ''}`,
  done: (p: { id: number; name: string; late: boolean }) => `Routine #${p.id} ${p.name} is done${p.late ? ' (after its due date)' : ''}.`,
  doneChannel: (p: { id: number; name: string; by: string; late: boolean }) => `Routine #${p.id} ${p.name} is done – marked by ${p.by}${p.late ? ' (after its due date)' : ''}.`,
  listTitle: (p: { forum: string }) => `Routines – ${p.forum}`,
  open: 'To do',
  upcoming: 'Coming up',
  next: (p: { name: string; owner: string; date: string }) => `${p.name} – ${p.owner}, next due ${p.date}`,
  listEmpty: 'The forum has no routines.',
  indicator: 'Routines',
  onTime: 'on time',
  late: 'late',
  notDone: 'not done',
  pending: 'pending',
} satisfies typeof routineTextsSv;
