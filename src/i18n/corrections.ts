// Wording of the correction commands (issue 15), Swedish and English; `sv` defines the shape.
export const correctionsSv = {
  parts: { question: 'frågan', groups: 'målgrupp', consent: 'samtycke', category: 'kategori', owner: 'ägare', due: 'senast', text: 'texten' } as Record<string, string>,
  caseEdited: (p: { code: string; what: string; by: string }) => `Ärende ${p.code} är ändrat av ${p.by}: ${p.what}.`,
  caseEditedReply: (p: { code: string; what: string }) => `Ändrat i ${p.code}: ${p.what}.`,
  caseErased: (p: { code: string }) =>
    `Fritexten i ärende ${p.code} är raderad överallt där den låg (frågan, åtgärdernas text, överlämningarnas svar, meddelanden, dagordningar och protokoll). Koden, målgrupper, datum och statistik finns kvar.`,
  stepEdited: (p: { id: number; code: string; what: string }) => `Åtgärd #${p.id} för ${p.code} är ändrad: ${p.what}.`,
  stepNewOwner: (p: { id: number; code: string; text: string; due: string; forum: string }) => `Du är nu ägare till åtgärd #${p.id} i ${p.forum} (${p.code}): ${p.text}, senast ${p.due}.`,
  stepOldOwner: (p: { id: number; code: string; owner: string }) => `Åtgärd #${p.id} (${p.code}) har fått en ny ägare: ${p.owner}. Du påminns inte längre om den.`,
  stepChangedOwner: (p: { id: number; code: string; what: string }) => `Din åtgärd #${p.id} (${p.code}) är ändrad: ${p.what}.`,
  stepStruck: (p: { id: number; code: string; reason: string }) => `Åtgärd #${p.id} för ${p.code} är struken${p.reason ? ` (${p.reason})` : ''}.`,
  stepStruckOwner: (p: { id: number; code: string; reason: string }) => `Din åtgärd #${p.id} (${p.code}) är struken${p.reason ? ` (${p.reason})` : ''}; den påminns inte längre.`,
  stepsClosedWithCase: (p: { code: string; ids: string }) => `Öppna åtgärder stängdes med ärende ${p.code}: ${p.ids}.`,
  stepClosedOwner: (p: { id: number; code: string }) => `Din åtgärd #${p.id} (${p.code}) är stängd eftersom ärendet avslutades; den påminns inte längre.`,
  handoverTitle: (p: { id: number; name: string; code: string }) => `Överlämning #${p.id}: ${p.name} (${p.code})`,
  handoverOpen: (p: { due: string; to: string }) => `Inte besvarad än – ${p.to} svarar senast ${p.due}.`,
  handoverAnsweredBy: (p: { who: string; at: string }) => `Besvarad av ${p.who}, ${p.at}.`,
  handoverCorrected: (p: { id: number; name: string; code: string; who: string }) => `Svaret på överlämning #${p.id}: ${p.name} (${p.code}) är rättat av ${p.who}:`,
  handoverCorrectedReply: (p: { id: number; to: string }) => `Rättat: överlämning #${p.id}. ${p.to} har fått veta vad som ändrades.`,
  editButton: 'Ändra',
  strikeButton: 'Stryk',
  forms: { caseEdit: 'Ändra ärende', stepEdit: 'Ändra åtgärd', category: 'Kategori', keep: '(oförändrat)' },
};

export type CorrectionMessages = typeof correctionsSv;

export const correctionsEn: CorrectionMessages = {
  parts: { question: 'the question', groups: 'target group', consent: 'consent', category: 'category', owner: 'owner', due: 'due', text: 'the text' },
  caseEdited: (p) => `Case ${p.code} was changed by ${p.by}: ${p.what}.`,
  caseEditedReply: (p) => `Changed in ${p.code}: ${p.what}.`,
  caseErased: (p) =>
    `The free text of case ${p.code} is erased wherever it was (the question, the steps' text, handover answers, messages, agendas and minutes). The code, target groups, dates and statistics remain.`,
  stepEdited: (p) => `Next step #${p.id} for ${p.code} was changed: ${p.what}.`,
  stepNewOwner: (p) => `You now own next step #${p.id} in ${p.forum} (${p.code}): ${p.text}, due ${p.due}.`,
  stepOldOwner: (p) => `Next step #${p.id} (${p.code}) has a new owner: ${p.owner}. You will not be reminded of it any more.`,
  stepChangedOwner: (p) => `Your next step #${p.id} (${p.code}) was changed: ${p.what}.`,
  stepStruck: (p) => `Next step #${p.id} for ${p.code} is struck${p.reason ? ` (${p.reason})` : ''}.`,
  stepStruckOwner: (p) => `Your next step #${p.id} (${p.code}) is struck${p.reason ? ` (${p.reason})` : ''}; it will not be reminded any more.`,
  stepsClosedWithCase: (p) => `Open next steps were closed with case ${p.code}: ${p.ids}.`,
  stepClosedOwner: (p) => `Your next step #${p.id} (${p.code}) is closed because the case was closed; it will not be reminded any more.`,
  handoverTitle: (p) => `Handover #${p.id}: ${p.name} (${p.code})`,
  handoverOpen: (p) => `Not answered yet – ${p.to} answers by ${p.due}.`,
  handoverAnsweredBy: (p) => `Answered by ${p.who}, ${p.at}.`,
  handoverCorrected: (p) => `The answer to handover #${p.id}: ${p.name} (${p.code}) was corrected by ${p.who}:`,
  handoverCorrectedReply: (p) => `Corrected: handover #${p.id}. ${p.to} has been told what changed.`,
  editButton: 'Edit',
  strikeButton: 'Strike',
  forms: { caseEdit: 'Edit case', stepEdit: 'Edit next step', category: 'Category', keep: '(unchanged)' },
};
