// Swedish texts of organisations by membership, roles, `koppla` without a key and template follow-ups
// (issue 17, part A), kept apart so sv.ts changes in a few lines. English: members.en.ts.

export const memberErrorsSv = {
  memberOrgNotInForum: (p: { org: string; orgs: string }) => `"${p.org}" är ingen av forumets organisationer. Välj bland: ${p.orgs}.`,
  memberListedInConfig: (p: { who: string; org: string }) => `${p.who} står som medlem av ${p.org} i konfigurationen; det ändras där, inte i chatten.`,
  memberNotAdded: (p: { who: string }) => `${p.who} är inte tillagd som medlem i något av forumets organisationer, så det finns inget att ta bort.`,
  memberUnknown: (p: { value: string }) => `Hittar ingen ${p.value}. Nämn kollegan med @, t.ex. @namn@helsingborg.se.`,
  handoverWrongRole: (p: { template: string; role: string }) => `${p.template} går till ${p.role}. Nämn en person med den rollen.`,
  handoverNotRole: (p: { template: string; role: string }) => `${p.template} startas av ${p.role}.`,
};

export const memberTextsSv = {
  added: (p: { who: string; org: string }) => `${p.who} räknas nu till ${p.org}.`,
  already: (p: { who: string; org: string }) => `${p.who} räknas redan till ${p.org}.`,
  removed: (p: { who: string; org: string; now: string }) => `${p.who} är inte längre tillagd i ${p.org} och räknas nu till ${p.now}.`,
  noOrganisation: 'ingen organisation',
  listTitle: (p: { forum: string }) => `Tillagda medlemmar – ${p.forum}`,
  listEmpty: 'Ingen är tillagd i chatten; alla räknas till sin organisation enligt konfigurationen.',
  line: (p: { who: string; org: string; since: string }) => `${p.who} – ${p.org} (sedan ${p.since})`,
  forumKeysTitle: 'Forum att koppla kanalen till',
  forumKeysHint: 'Skriv `koppla <forumnyckel>`.',
  forumKeyLine: (p: { key: string; name: string; where: string }) => `\`${p.key}\` – ${p.name} (${p.where})`,
  forumFree: 'inte kopplat',
  forumHere: 'kopplat hit',
  forumElsewhere: 'kopplat till en annan kanal',
  or: 'eller',
  roleCoordinator: 'forumets samordnare',
  followUpPosted: (p: { id: number; code: string; text: string; due: string; owner: string; template: string }) =>
    `Uppföljning efter ${p.template}: åtgärd #${p.id} för ${p.code}: ${p.text} – ägare ${p.owner}, senast ${p.due}.`,
  followUpAssigned: (p: { id: number; code: string; text: string; due: string; template: string; forum: string }) =>
    `${p.template} för ${p.code} är besvarad. Du är ägare till uppföljningen, åtgärd #${p.id} i ${p.forum}: ${p.text}. Senast ${p.due}. Skriv \`åtgärd klar ${p.id}\` när den är gjord.`,
};
