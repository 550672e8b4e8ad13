// What a handler is handed: the caller, the channel's forum, the stores inside one transaction,
// and ways to post (through the outbox) and audit.
import type { FileConfig, OrganisationConfig } from './settings.js';
import type { ForumRow, MemberRow, NewCaseWrite, NewOutbox, OneWrite, OutboxRow, Store, WritePost } from './stores.js';
import type { Messages } from '../i18n/index.js';
import type { IsoDate } from './dates.js';
import { detectPii, hasBroadcastMention } from './pii.js';
import { UserError } from './errors.js';
import { organisationFromSettings } from './parties.js';
import type { ChannelRef, Identity, Lang, Message, Target } from './model.js';
import type { AuditAction } from './vocabulary.js';
import type { PdfRenderer } from './meeting/protokoll-load.js';

export interface HandlerContext {
  store: Store;
  config: FileConfig;
  m: Messages;
  lang: Lang;
  now: Date;
  today: IsoDate;
  member: MemberRow;
  /** Group ids the platform reported for the caller (Slack user groups, Entra groups): roles may name them. */
  groups: string[];
  organisation: OrganisationConfig;
  channel: ChannelRef;
  /** The forum linked to this channel; refuses politely when there is none. */
  forum(): Promise<ForumRow>;
  /** The forum linked to this channel if the caller takes part in it; null in a DM or elsewhere. */
  channelForum(): Promise<ForumRow | null>;
  /** Resolves `@…` to a member of a configured organisation, or refuses. */
  resolveMember(token: string): Promise<MemberRow>;
  /** Resolves `@…` to the person the platform knows, whatever their organisation (`medlem lägg till`); refuses when nobody. */
  resolveIdentity(token: string): Promise<Identity>;
  /** Queues a message in the outbox (same transaction); delivered after commit. */
  post(target: Target, message: Message, key: string, extra?: Partial<NewOutbox>): Promise<void>;
  audit(action: AuditAction, caseCode: string | null, forumKey?: string | null, documentSha256?: string | null): Promise<void>;
  /** Renders the protokoll as PDF, when the composition root provides one (its SHA-256 goes in the audit log). */
  minutesPdf: PdfRenderer | null;
  /**
   * Raises a case in one statement (counter, case, audit line, channel post; src/db/case-write.ts): the
   * post's key and payload carry CASE_CODE_SLOT where the code goes. Returns the code.
   */
  raiseCase(c: RaiseCase): Promise<string>;
  /**
   * What a one-statement write (`åtgärd ny`, `åtgärd klar`, `överlämning svar`; src/db/stores/write-posts.ts)
   * is given besides its row change: the instant, this caller's audit line and the claim its posts are
   * inserted with. Hand the rows it inserted to `written`.
   */
  oneWrite(action: AuditAction, caseCode: string | null, forumKey: string | null, posts: WritePost[]): OneWrite;
  /** The posts a one-statement write inserted: sent right after the commit (claimed) or by id. */
  written(rows: OutboxRow[]): void;
  /**
   * Refuses free text that identifies a person, mentions a whole channel, or is too long. Call it on
   * every free text before it is stored or posted; `where` names the field in the refusal (e.g. "Frågan").
   */
  guard(text: string, where?: string): void;
  /** The server's public base URL, or null (shell): links are then given as paths. */
  publicUrl: string | null;
}

export type RaiseCase = Omit<NewCaseWrite, 'raisedBy' | 'organisationKey' | 'at' | 'audit' | 'claimUntil' | 'slot'>;

export function channelTarget(f: ForumRow): Target {
  return { kind: 'channel', platform: f.channelPlatform as Target['platform'], channelId: f.channelId!, ref: f.channelRef ?? undefined };
}

export function memberTarget(m: MemberRow, ref?: unknown): Target {
  return { kind: 'member', platform: m.platform as Target['platform'], externalId: m.externalId, memberId: m.id, ref };
}

/** Finds the configured organisation of an identity by e-mail domain or tenant id. */
/**
 * Finds the configured organisation of an identity: member lists and groups first, then e-mail domain
 * or tenant id (parties.ts); of two organisations on one domain, the one without a member list.
 */
export function organisationOf(cfg: FileConfig, who: Pick<Identity, 'email' | 'tenantId' | 'groups'> & { externalId?: string }): OrganisationConfig | null {
  return organisationFromSettings(cfg, who);
}

/** Longest free text the bot keeps, whichever way it came in (command line, form, card). */
export const MAX_FREE_TEXT = 2000;

/** `today` (the injected clock's date) decides whether a date shape can be a birth date. */
export function piiGuard(m: Messages, text: string, where: string | undefined, today: string): void {
  // Never cut: a text over the limit is refused whole, and says so.
  if (text.length > MAX_FREE_TEXT) throw new UserError('tooLong', { max: String(MAX_FREE_TEXT) });
  const kinds = detectPii(text, { today, names: true });
  if (kinds.length) {
    const found = kinds.map((k) => m.piiKinds[k] ?? k);
    const hints = [...new Set(kinds.map((k) => m.piiHints[k]).filter(Boolean))];
    throw new UserError('pii', { found: listOf(m, found), hints: hints.join(' '), ...(where ? { where } : {}) });
  }
  if (hasBroadcastMention(text)) throw new UserError('broadcast', where ? { where } : {});
}

function listOf(m: Messages, items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${m.and} ${items.at(-1)}`;
}
