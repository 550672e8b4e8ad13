// Swedish texts of forum routines (issue 17): the occurrence's posts, reminders, `rutin lista`, `mina`,
// the agenda and the indicators. Spread into sv.ts (`routines`) and errors.sv.ts; en: routines.en.ts.
export const routineErrorsSv = {
  routineNotFound: (p: { id: string }) => `Hittar ingen rutin #${p.id} som du kan markera.`,
  routineAlreadyDone: (p: { id: string }) => `Rutin #${p.id} är redan klar.`,
};

export const routineTextsSv = {
  title: 'Rutiner',
  created: (p: { id: number; name: string; text: string; due: string; owner: string; forum: string }) =>
    `Rutin #${p.id} i ${p.forum}: ${p.name} – ${p.text} Ansvarig: ${p.owner}, senast ${p.due}. Skriv \`rutin klar ${p.id}\` när den är gjord.`,
  remindBefore: (p: { id: number; name: string; due: string; forum: string; owner: string }) =>
    `Påminnelse: rutin #${p.id} i ${p.forum}, ${p.name} (${p.owner}), ska vara gjord senast ${p.due}. Skriv \`rutin klar ${p.id}\` när den är gjord.`,
  remindAfter: (p: { id: number; name: string; due: string; forum: string; owner: string }) =>
    `Rutin #${p.id} i ${p.forum}, ${p.name} (${p.owner}), skulle vara gjord ${p.due} och är fortfarande öppen. Skriv \`rutin klar ${p.id}\` om den är gjord.`,
  escalation: (p: { id: number; name: string; due: string; forum: string; owner: string; days: number }) =>
    `Försenad rutin i ${p.forum}: #${p.id} ${p.name} – ansvarig ${p.owner}, senast ${p.due}, ${p.days} arbetsdagar försenad.`,
  line: (p: { id: number; name: string; due: string; owner: string; late: boolean }) => `#${p.id} ${p.name} – ${p.owner}, senast ${p.due}${p.late ? ' (försenad)' : ''}`,
  mine: (p: { id: number; name: string; due: string; forum: string; late: boolean }) => `Rutin #${p.id} (${p.forum}): ${p.name} – senast ${p.due}${p.late ? ' (försenad)' : ''}`,
  done: (p: { id: number; name: string; late: boolean }) => `Rutin #${p.id} ${p.name} är klar${p.late ? ' (efter sista dagen)' : ''}.`,
  doneChannel: (p: { id: number; name: string; by: string; late: boolean }) => `Rutin #${p.id} ${p.name} är klar – markerad av ${p.by}${p.late ? ' (efter sista dagen)' : ''}.`,
  listTitle: (p: { forum: string }) => `Rutiner – ${p.forum}`,
  open: 'Att göra',
  upcoming: 'Kommande',
  next: (p: { name: string; owner: string; date: string }) => `${p.name} – ${p.owner}, nästa gång senast ${p.date}`,
  listEmpty: 'Forumet har inga rutiner.',
  /** The indicators' line: routines due in the quarter. */
  indicator: 'Rutiner',
  onTime: 'i tid',
  late: 'sent',
  notDone: 'inte gjorda',
  pending: 'väntar',
};
