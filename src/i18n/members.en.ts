// English texts of organisations by membership, roles, `link` without a key and template follow-ups
// (issue 17, part A); same shape as members.sv.ts.
import type { memberErrorsSv, memberTextsSv } from './members.sv.js';

export const memberErrorsEn = {
  memberOrgNotInForum: (p: { org: string; orgs: string }) => `"${p.org}" is not one of the forum's organisations. Choose from: ${p.orgs}.`,
  memberListedInConfig: (p: { who: string; org: string }) => `${p.who} is listed as a member of ${p.org} in the configuration; change it there, not in the chat.`,
  memberNotAdded: (p: { who: string }) => `${p.who} was not added to any of the forum's organisations in the chat, so there is nothing to remove.`,
  memberUnknown: (p: { value: string }) => `I cannot find ${p.value}. Mention the colleague with @, e.g. @name@helsingborg.se.`,
  handoverWrongRole: (p: { template: string; role: string }) => `${p.template} goes to ${p.role}. Mention a person with that role.`,
  handoverNotRole: (p: { template: string; role: string }) => `${p.template} is started by ${p.role}.`,
} satisfies typeof memberErrorsSv;

export const memberTextsEn = {
  added: (p: { who: string; org: string }) => `${p.who} now counts as ${p.org}.`,
  already: (p: { who: string; org: string }) => `${p.who} already counts as ${p.org}.`,
  removed: (p: { who: string; org: string; now: string }) => `${p.who} is no longer added to ${p.org} and now counts as ${p.now}.`,
  noOrganisation: 'no organisation',
  listTitle: (p: { forum: string }) => `Members added in the chat – ${p.forum}`,
  listEmpty: 'Nobody was added in the chat; everyone counts to their organisation as the configuration says.',
  line: (p: { who: string; org: string; since: string }) => `${p.who} – ${p.org} (since ${p.since})`,
  forumKeysTitle: 'Forums this channel can be linked to',
  forumKeysHint: 'Write `link <forum-key>`.',
  forumKeyLine: (p: { key: string; name: string; where: string }) => `\`${p.key}\` – ${p.name} (${p.where})`,
  forumFree: 'not linked',
  forumHere: 'linked here',
  forumElsewhere: 'linked to another channel',
  or: 'or',
  roleCoordinator: "the forum's coordinator",
  followUpPosted: (p: { id: number; code: string; text: string; due: string; owner: string; template: string }) =>
    `Follow-up after ${p.template}: step #${p.id} for ${p.code}: ${p.text} – owner ${p.owner}, due ${p.due}.`,
  followUpAssigned: (p: { id: number; code: string; text: string; due: string; template: string; forum: string }) =>
    `${p.template} for ${p.code} has been answered. You own the follow-up, step #${p.id} in ${p.forum}: ${p.text}. Due ${p.due}. Write \`step done ${p.id}\` when it is done.`,
} satisfies typeof memberTextsSv;
