// Bot Framework activities as Teams sends them, built in code (no real person's data).
import type { RosterEntry } from '../helpers/teams.js';

export const TENANT = 'tenant-0000-test';
export const TEAM = '19:team-test@thread.tacv2';
export const CHANNEL = '19:unga-test@thread.tacv2';
export const BOT = { id: '28:samrad-test-bot', name: 'Samråd' };

const domainAf = ['arbetsformedlingen', 'se'].join('.');
const domainHbg = ['helsingborg', 'se'].join('.');

/** Staff of the two organisations, as the fake roster knows them. */
export const anna: RosterEntry = { id: '29:anna-teams-id', aadObjectId: 'aad-anna', name: 'Anna AF', email: `anna@${domainAf}`, userPrincipalName: `anna@${domainAf}`, tenantId: TENANT };
export const karin: RosterEntry = { id: '29:karin-teams-id', aadObjectId: 'aad-karin', name: 'Karin HBG', email: `karin@${domainHbg}`, userPrincipalName: `karin@${domainHbg}`, tenantId: TENANT };
export const stranger: RosterEntry = { id: '29:stranger-id', aadObjectId: 'aad-stranger', name: 'Someone', email: 'someone@example.org', tenantId: 'other-tenant' };

let n = 0;

export function botMention() {
  return { type: 'mention', text: '<at>Samråd</at>', mentioned: { id: BOT.id, name: BOT.name } };
}

export function personMention(p: RosterEntry) {
  return { type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } };
}

interface Opts {
  serviceUrl: string;
  locale?: string;
  entities?: unknown[];
  personal?: boolean;
  value?: unknown;
}

function base(from: RosterEntry, o: Opts) {
  const id = `msg-${++n}`;
  const conversation = o.personal
    ? { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: TENANT }
    : { id: `${CHANNEL};messageid=${id}`, conversationType: 'channel', isGroup: true, tenantId: TENANT };
  return {
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation,
    locale: o.locale ?? 'sv-SE',
    channelData: o.personal ? { tenant: { id: TENANT } } : { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } },
  };
}

/** A channel message `@Samråd <text>` (or a personal chat message without the mention). */
export function message(from: RosterEntry, text: string, o: Opts) {
  const mention = o.personal ? [] : [botMention()];
  return { ...base(from, o), type: 'message', text: o.personal ? text : `<at>Samråd</at> ${text}`, entities: [...mention, ...(o.entities ?? [])], ...(o.value ? { value: o.value } : {}) };
}

/** Action.Submit: a message with the card's data as value and no text. */
export function submit(from: RosterEntry, value: Record<string, unknown>, o: Opts) {
  return { ...base(from, o), type: 'message', value, replyToId: 'act-card' };
}

/** Action.Execute: the adaptiveCard/action invoke. */
export function execute(from: RosterEntry, data: Record<string, unknown>, o: Opts) {
  return { ...base(from, o), type: 'invoke', name: 'adaptiveCard/action', replyToId: 'act-card', value: { action: { type: 'Action.Execute', verb: 'samrad', data } } };
}

/** The bot was added to the team (or personal scope). */
export function installed(from: RosterEntry, o: Opts) {
  return { ...base(from, o), type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }] };
}
