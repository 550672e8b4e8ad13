// Who a Teams user is, as the core needs it: the e-mail / UPN from the roster (the organisation
// follows from its domain) or else the tenant id. Roster answers are cached briefly, so a busy
// channel does not ask the connector for the same person on every message.
import { TeamsInfo, type TurnContext, type TeamsChannelAccount } from 'botbuilder';
import type { Clock, Identity } from '../../src/core/model.js';
import type { Logger } from '../../src/log.js';
import { langOf, tenantOf, type MentionedPerson } from './activity.js';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 2_000;

/** Where and how to open a personal chat with someone the bot has seen (no conversation yet). */
export interface UserSeed {
  kind: 'user';
  serviceUrl: string;
  channelId: string;
  tenantId: string | null;
  userId: string;
  bot: { id: string; name?: string };
}

export class People {
  private cache = new Map<string, { at: number; account: TeamsChannelAccount }>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** The roster entry of `userId` (Teams id, Entra object id or UPN), or null when the connector cannot say. */
  async lookup(context: TurnContext, userId: string): Promise<TeamsChannelAccount | null> {
    const key = `${tenantOf(context.activity) ?? ''}|${userId}`;
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.account;
    try {
      const account = await TeamsInfo.getMember(context, userId);
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, { at: now, account });
      return account;
    } catch (err) {
      // The Emulator and some chats have no roster; the tenant id may still place the person.
      this.log.debug({ status: (err as { statusCode?: number }).statusCode }, 'teams roster lookup failed');
      return null;
    }
  }

  /** The person who wrote the activity. */
  async speaker(context: TurnContext): Promise<Identity> {
    const from = context.activity.from;
    const account = await this.lookup(context, from.id);
    return identityOf(context, { id: from.id, aadObjectId: from.aadObjectId, name: from.name }, account, langOf(context.activity.locale), true);
  }

  /** A mentioned or picked person; null when neither the entity nor the roster knows them. */
  async person(context: TurnContext, hint: MentionedPerson | undefined, key: string): Promise<Identity | null> {
    const account = await this.lookup(context, hint?.id ?? key);
    if (!account && !hint) return null;
    return identityOf(context, hint ?? { id: key }, account, null, account !== null);
  }

  seedOf(context: TurnContext, identity: Identity & { teamsId?: string }): UserSeed | null {
    const a = context.activity;
    if (!identity.teamsId || !a.serviceUrl) return null;
    return { kind: 'user', serviceUrl: a.serviceUrl, channelId: a.channelId, tenantId: identity.tenantId ?? null, userId: identity.teamsId, bot: { id: a.recipient.id, name: a.recipient.name } };
  }
}

function emailOf(account: TeamsChannelAccount | null): string | null {
  const candidate = account?.email || account?.userPrincipalName;
  return candidate && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(candidate) ? candidate.toLowerCase() : null;
}

/**
 * The Entra ids the activity vouches for (issue 17, `groups:` in the config): the Microsoft 365 group of
 * the team the channel belongs to (`channelData.team.aadGroupId`) and the tenant. Given for the speaker
 * and for people the team's roster knows (so members of that team), never guessed for others.
 */
function groupsOf(context: TurnContext, tenantId: string | null | undefined): string[] {
  const team = (context.activity.channelData as { team?: { aadGroupId?: string } } | undefined)?.team?.aadGroupId;
  return [...(team ? [team] : []), ...(tenantId ? [tenantId] : [])];
}

/** The core's identity plus the Teams user id (needed to open a personal chat later). */
function identityOf(context: TurnContext, p: MentionedPerson, account: TeamsChannelAccount | null, language: Identity['language'], inTeam: boolean): Identity & { teamsId: string } {
  const tenantId = account?.tenantId ?? tenantOf(context.activity);
  const groups = inTeam ? groupsOf(context, tenantId) : [];
  return {
    platform: 'teams',
    externalId: account?.aadObjectId ?? p.aadObjectId ?? account?.id ?? p.id,
    email: emailOf(account),
    displayName: account?.name ?? p.name ?? null,
    tenantId,
    language,
    ...(groups.length ? { groups } : {}),
    teamsId: account?.id ?? p.id,
  };
}
