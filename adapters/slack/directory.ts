// Who a Slack user is, for the core: users.info gives the e-mail (→ organisation) and the locale
// (→ language). Answers are cached for a while because every command and mention needs them.
import type { webApi } from '@slack/bolt';
import type { Identity, Lang } from '../../src/core/model.js';

interface CacheEntry {
  at: number;
  identity: Promise<Identity | null>;
  /** Set once the lookup has answered, for callers that cannot wait (the "busy" ack). */
  known?: Identity | null;
}

export interface DirectoryOptions {
  ttlMs?: number;
  /**
   * Look up the user groups (`S…`) each person is in (usergroups.list, scope usergroups:read), for
   * organisations and roles configured by `groups:` (issue 17). Off: identities carry no groups.
   */
  userGroups?: boolean;
  /** How long the user group lookup may take before the command goes on without groups. */
  groupsTimeoutMs?: number;
  /** Milliseconds now; injectable so the cache's expiry can be tested without waiting. */
  now?: () => number;
}

/** Slack locale (`sv-SE`, `en-GB`) → the bot's languages; anything else leaves the choice to the command. */
export function languageOf(locale: string | undefined | null): Lang | null {
  const l = locale?.toLowerCase() ?? '';
  return l.startsWith('sv') ? 'sv' : l.startsWith('en') ? 'en' : null;
}

export class SlackDirectory {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly userGroups: boolean;
  private readonly groupsTimeoutMs: number;
  /** Every user group's members, fetched once per ttl for all people (one call, not one per person). */
  private groups: { at: number; byUser: Promise<Map<string, string[]>> } | null = null;

  constructor(
    private readonly client: webApi.WebClient,
    opts: DirectoryOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.now = opts.now ?? Date.now;
    this.userGroups = opts.userGroups ?? false;
    this.groupsTimeoutMs = opts.groupsTimeoutMs ?? 2_000;
  }

  /** The user group ids a person is in; [] when groups are off, Slack refuses (no scope) or is slow. */
  async groupsOf(userId: string): Promise<string[]> {
    if (!this.userGroups) return [];
    if (!this.groups || this.now() - this.groups.at >= this.ttlMs) {
      const byUser = this.fetchGroups();
      const entry = { at: this.now(), byUser };
      this.groups = entry;
      // A failed lookup is remembered for a minute only, so a missing scope does not cost every command a call.
      byUser.catch(() => {
        entry.at = this.now() - this.ttlMs + 60_000;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), this.groupsTimeoutMs)));
    try {
      const byUser = await Promise.race([this.groups.byUser, late]);
      return byUser?.get(userId) ?? [];
    } catch {
      return [];
    } finally {
      clearTimeout(timer);
    }
  }

  private async fetchGroups(): Promise<Map<string, string[]>> {
    const res = await this.client.usergroups.list({ include_users: true });
    const byUser = new Map<string, string[]>();
    for (const g of res.usergroups ?? []) {
      if (!g.id || g.date_delete) continue;
      for (const u of g.users ?? []) byUser.set(u, [...(byUser.get(u) ?? []), g.id]);
    }
    return byUser;
  }

  /** The identity of a user id (U…/W…); null for a bot, a deleted account or an unknown id. */
  identity(userId: string): Promise<Identity | null> {
    const hit = this.cache.get(userId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.identity;
    const identity = this.lookup(userId);
    const entry: CacheEntry = { at: this.now(), identity };
    this.cache.set(userId, entry);
    identity.then((v) => (entry.known = v), () => {});
    // A failed lookup (network, rate limit) is not remembered; the next command asks again.
    identity.catch(() => this.cache.delete(userId));
    return identity;
  }

  /** The language of a person already looked up, without asking Slack; null when not known yet. */
  knownLanguage(userId: string): Lang | null {
    return this.cache.get(userId)?.known?.language ?? null;
  }

  /** Resolves a mention token from the command text: `@U123` (Slack's own) or `@name@domain` (typed e-mail). */
  async resolveMention(token: string): Promise<Identity | null> {
    const raw = token.replace(/^@/, '');
    if (/^[UW][A-Z0-9]{2,}$/.test(raw)) return this.identity(raw);
    if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(raw)) return null;
    try {
      const res = await this.client.users.lookupByEmail({ email: raw.toLowerCase() });
      return res.user?.id ? this.identity(res.user.id) : null;
    } catch (e) {
      if ((e as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
      throw e;
    }
  }

  private async lookup(userId: string): Promise<Identity | null> {
    try {
      const res = await this.client.users.info({ user: userId, include_locale: true });
      const u = res.user;
      if (!u?.id || u.deleted || u.is_bot) return null;
      const groups = await this.groupsOf(u.id);
      return {
        platform: 'slack',
        externalId: u.id,
        email: u.profile?.email?.toLowerCase() ?? null,
        displayName: u.profile?.display_name || u.real_name || u.name || null,
        language: languageOf(u.locale),
        ...(groups.length ? { groups } : {}),
      };
    } catch (e) {
      if ((e as { data?: { error?: string } }).data?.error === 'user_not_found') return null;
      throw e;
    }
  }
}
