// What a handler is handed: the caller, the channel's forum, the repository inside one transaction,
// and ways to post (through the outbox) and audit.
import type { FileConfig, OrganisationConfig } from '../config.js';
import type { ForumRow, MemberRow, NewOutbox, Repository } from '../db/repo.js';
import type { Messages } from '../i18n/index.js';
import type { IsoDate } from './dates.js';
import { findPii } from './pii.js';
import { UserError } from './errors.js';
import type { ChannelRef, Identity, Lang, Message, Target } from './model.js';

export interface HandlerContext {
  repo: Repository;
  config: FileConfig;
  m: Messages;
  lang: Lang;
  now: Date;
  today: IsoDate;
  member: MemberRow;
  organisation: OrganisationConfig;
  channel: ChannelRef;
  /** The forum linked to this channel; refuses politely when there is none. */
  forum(): Promise<ForumRow>;
  /** Resolves `@…` to a member of a configured organisation, or refuses. */
  resolveMember(token: string): Promise<MemberRow>;
  /** Queues a message in the outbox (same transaction); delivered after commit. */
  post(target: Target, message: Message, key: string, extra?: Partial<NewOutbox>): Promise<void>;
  audit(action: string, caseCode: string | null, forumKey?: string | null): Promise<void>;
  /** Refuses free text that identifies a person. */
  guard(text: string): void;
  /** The server's public base URL, or null (shell): links are then given as paths. */
  publicUrl: string | null;
}

export function channelTarget(f: ForumRow): Target {
  return { kind: 'channel', platform: f.channelPlatform as Target['platform'], channelId: f.channelId!, ref: f.channelRef ?? undefined };
}

export function memberTarget(m: MemberRow, ref?: unknown): Target {
  return { kind: 'member', platform: m.platform as Target['platform'], externalId: m.externalId, memberId: m.id, ref };
}

/** Finds the configured organisation of an identity by e-mail domain or tenant id. */
export function organisationOf(cfg: FileConfig, who: Pick<Identity, 'email' | 'tenantId'>): OrganisationConfig | null {
  const domain = who.email?.split('@')[1]?.toLowerCase();
  return (
    cfg.organisations.find((o) => (domain && o.domains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`))) || (who.tenantId && o.tenantIds.includes(who.tenantId))) ??
    null
  );
}

export function piiGuard(m: Messages, text: string): void {
  const found = findPii(text);
  if (!found.length) return;
  const kinds = [...new Set(found.map((f) => m.piiKinds[f.kind] ?? f.kind))];
  throw new UserError('pii', { found: kinds.join(', ') });
}
