// The core entry: one line of text from any adapter in, a neutral reply out.
// Every command runs in one transaction; a refusal rolls it back, so bad input changes nothing.
import type { PdfRenderer } from './meeting/protokoll-load.js';
import type { FileConfig } from './settings.js';
import type { MemberRow, OutboxRow, Store } from './stores.js';
import { CASE_CODE_SLOT } from './case-code.js';
import type { AuditAction } from './vocabulary.js';
import { messages } from '../i18n/index.js';
import type { Logger } from './ports.js';
import { localDate } from './dates.js';
import { errorText, UserError, type ErrorKey } from './errors.js';
import { organisationOf, piiGuard, type HandlerContext } from './context.js';
import { echoSafe } from './echo-safe.js';
import { parseCommand, type Command, type FormCommand } from './grammar.js';
import { specOf } from './commands/index.js';
import { groupUsage } from './commands/texts.js';
import type { ChannelRef, Clock, FormKind, Identity, Lang, Message, Reply } from './model.js';
import { dispatch } from './dispatch.js';
import { formErrorMessage, isFormKind, readForm, type FormResult, type FormValues } from './forms.js';
import { stringsOf, type Submission, type SubmitHooks } from './form-submit.js';
import { chooseLang } from './lang.js';
import { requireForumAccess, takesPart } from './access.js';
import { resolveOrganisation } from './membership.js';
import { forumLanguage } from './meeting/protokoll-load.js';

export interface CommandInput {
  identity: Identity;
  channel: ChannelRef;
  text: string;
  /** Resolves a mention token as written in the text (`@…`) to a platform identity. */
  resolveMention?: (token: string) => Promise<Identity | null>;
}

export interface SamradDeps {
  store: Store;
  config: FileConfig;
  clock: Clock;
  logger: Logger;
  /** Called after commit with the outbox rows a command enqueued (prompt delivery). */
  deliver?: (ids: number[]) => Promise<void>;
  /**
   * Called after commit with rows a command inserted already claimed (one-statement writes, issue 19).
   * Without it such rows are inserted pending and go through `deliver`.
   */
  deliverClaimed?: (rows: OutboxRow[]) => Promise<void>;
  /** The lease of a row inserted claimed (the deliverer's; a crashed sender's row is retried after it). */
  leaseMs?: number;
  /** The server's public base URL (SAMRAD_PUBLIC_URL), for links to the calendar feed and report charts. */
  publicUrl?: string;
  /** Renders the protokoll as PDF (its SHA-256 goes in the audit log when the minutes are approved). */
  minutesPdf?: PdfRenderer;
  /** True for an error meaning the database is away for now: the person is asked to try again shortly. */
  unavailable?: (e: unknown) => boolean;
}

export class Samrad {
  constructor(readonly deps: SamradDeps) {}

  /** Parses and runs one command as the given person in the given channel. Never throws. */
  async handle(input: CommandInput): Promise<Reply> {
    const parsed = parseCommand(input.text);
    if ('error' in parsed) {
      this.logOutcome(input, null, parsed.error);
      return this.refuse(await this.answerLang(input.channel, this.lang(input.identity.language, parsed.lang)), parsed.error, parsed.params);
    }
    const lang = this.lang(input.identity.language, parsed.lang);
    return this.run(input, parsed.command, lang);
  }

  /** Runs an already-parsed command (forms and buttons build these directly). */
  async run(input: Omit<CommandInput, 'text'>, command: Command | FormCommand, typerLang: Lang): Promise<Reply> {
    const lang = await this.answerLang(input.channel, typerLang);
    const open = specOf(command.name)?.open;
    if (open) return { ok: true, ...open(lang), outboxIds: [], lang };
    const outboxIds: number[] = [];
    const claimed: OutboxRow[] = [];
    try {
      const reply = await retryOnConflict(() =>
        this.deps.store.transaction(async (store) => {
          outboxIds.length = 0;
          claimed.length = 0;
          // A membership the coordinator added in chat comes before the config's lists and domains (issue 17).
          const organisation = await resolveOrganisation(store, this.deps.config, input.identity);
          if (!organisation) throw new UserError('unknownOrganisation');
          const member = await upsertIdentity(store, input.identity, organisation.key);
          const h = this.context(store, input, member, organisation, lang, outboxIds, claimed);
          return dispatch(h, command);
        }),
      );
      this.logOutcome(input, command.name, null);
      // Committed: a delivery that fails now (the database or the chat gone) is retried by the tick.
      const later = (err: unknown) => this.deps.logger.warn({ command: command.name, error: (err as Error)?.name }, 'prompt delivery failed; the tick retries it');
      if (claimed.length && this.deps.deliverClaimed) await this.deps.deliverClaimed(claimed).catch(later);
      if (outboxIds.length && this.deps.deliver) await this.deps.deliver(outboxIds).catch(later);
      outboxIds.push(...claimed.map((r) => r.id));
      return { ok: true, outboxIds, lang, ...reply };
    } catch (e) {
      if (e instanceof UserError) {
        this.logOutcome(input, command.name, e.key);
        return this.refuse(lang, e.key, e.params);
      }
      // The error's kind, code and stack frames, not its message: a driver's message (drizzle's "Failed
      // query: … params: …") quotes the values of the statement, i.e. what the user typed.
      const err = e as Error & { code?: unknown; cause?: { code?: unknown } };
      if (this.deps.unavailable?.(e)) {
        this.deps.logger.warn({ command: command.name, code: err?.code ?? err?.cause?.code }, 'command refused: database unavailable');
        return this.refuse(lang, 'unavailable');
      }
      this.deps.logger.error({ command: command.name, error: err?.name, code: err?.code ?? err?.cause?.code, frames: err?.stack?.split('\n').filter((l) => /^\s+at /.test(l)).join('\n') }, 'command failed');
      return this.refuse(lang, 'internal');
    }
  }

  /**
   * The language of an answer (issue 18): where the whole channel reads it (a Teams channel linked to a
   * forum) it is the forum's; where the person reads it alone (Slack's ephemeral answers, a DM, the
   * shell) it is `typerLang`, theirs. If the forum can't be read now, the answer stays in theirs.
   */
  private async answerLang(channel: ChannelRef, typerLang: Lang): Promise<Lang> {
    if (!channel.publicReplies || channel.direct) return typerLang;
    const forum = await this.deps.store.forums.byChannel(channel.platform, channel.id).catch(() => null);
    return forum ? forumLanguage(this.deps.config, forum.key) : typerLang;
  }

  /** The language to answer in: the first hint Samråd speaks, else the configured language. */
  lang(...hints: unknown[]): Lang {
    return chooseLang(this.deps.config.language, ...hints);
  }

  /**
   * A submitted form (a Slack modal, a Teams card): an unknown kind is refused as stale, wrong fields
   * are named (in the form through `hooks.showInForm`, else as one message) and nothing runs; else
   * the form's command runs as the person. `input` is asked for only when the command runs.
   */
  async submitForm(input: () => Promise<Omit<CommandInput, 'text'>>, sub: Submission, hooks: SubmitHooks = {}): Promise<Reply | null> {
    const lang = this.lang(sub.lang, ...(hooks.langHints ?? []));
    if (!isFormKind(sub.kind)) {
      await hooks.settled?.();
      return this.refuse(lang, 'staleForm');
    }
    const hidden = stringsOf(sub.hidden);
    const result = this.readForm(sub.kind, sub.values, hidden, lang);
    if ('errors' in result) {
      if (hooks.showInForm && (await hooks.showInForm(result.errors))) return null;
      await hooks.settled?.();
      return { ok: false, message: this.formErrors(sub.kind, result.errors, hidden, lang), outboxIds: [], lang };
    }
    await hooks.settled?.();
    return this.run(await input(), result.command, lang);
  }

  /** Reads a submitted form into its command, or names the fields to correct. Touches no database. */
  readForm(kind: FormKind, values: FormValues, hidden: Record<string, string>, lang: Lang): FormResult {
    return readForm(kind, values, hidden, this.formContext(lang));
  }

  /** A form's errors as one message naming each field, for an adapter that cannot show them in the form. */
  formErrors(kind: FormKind, errors: Record<string, string>, hidden: Record<string, string>, lang: Lang): Message {
    return formErrorMessage(kind, errors, hidden, this.formContext(lang));
  }

  private formContext(lang: Lang) {
    return { config: this.deps.config, m: messages(lang), today: localDate(this.deps.clock.now()) };
  }

  /** One info line a command: what ran, where, and the refusal key — never the text typed (see docs/behandling.md). */
  private logOutcome(input: Omit<CommandInput, 'text'>, command: string | null, refused: ErrorKey | null): void {
    this.deps.logger.info({ command: command ?? '-', platform: input.channel.platform, direct: Boolean(input.channel.direct), ok: refused === null, ...(refused ? { refused } : {}) }, 'command');
  }

  private context(store: Store, input: Omit<CommandInput, 'text'>, member: MemberRow, organisation: NonNullable<ReturnType<typeof organisationOf>>, lang: Lang, outboxIds: number[], claimed: OutboxRow[]): HandlerContext {
    const deps = this.deps;
    const now = this.deps.clock.now();
    const cfg = this.deps.config;
    const m = messages(lang);
    return {
      store,
      config: cfg,
      m,
      lang,
      now,
      today: localDate(now),
      member,
      groups: input.identity.groups ?? [],
      organisation,
      channel: input.channel,
      async forum() {
        const f = input.channel.direct ? null : await store.forums.byChannel(input.channel.platform, input.channel.id);
        return requireForumAccess(cfg, f, input.channel, organisation.key);
      },
      async channelForum() {
        const f = input.channel.direct ? null : await store.forums.byChannel(input.channel.platform, input.channel.id);
        return f && takesPart(cfg, f.key, organisation.key) ? f : null;
      },
      async resolveMember(token) {
        const who = input.resolveMention ? await input.resolveMention(token) : defaultMention(input.identity.platform, token);
        const org = who ? await resolveOrganisation(store, cfg, who) : null;
        if (!who || !org) throw new UserError('memberNotFound', { value: token.slice(0, 60) });
        return upsertIdentity(store, who, org.key);
      },
      async resolveIdentity(token) {
        const who = input.resolveMention ? await input.resolveMention(token) : defaultMention(input.identity.platform, token);
        if (!who) throw new UserError('memberUnknown', { value: token.slice(0, 60) });
        return who;
      },
      async post(target, message, key, extra) {
        outboxIds.push(...(await store.outbox.enqueue([{ key, target, payload: message, nextAttemptAt: now, createdAt: now, ...extra }])));
      },
      async raiseCase(c) {
        const claim = deps.deliverClaimed ? new Date(now.getTime() + (deps.leaseMs ?? 60_000)) : null;
        const written = await store.cases.raiseWithPost({ ...c, raisedBy: member.id, organisationKey: organisation.key, at: now, audit: { actorId: member.id, actorOrganisationKey: member.organisationKey, action: 'case.create' satisfies AuditAction }, claimUntil: claim, slot: CASE_CODE_SLOT });
        if (claim) claimed.push(written.outbox);
        else outboxIds.push(written.outbox.id);
        return written.code;
      },
      oneWrite(action, caseCode, forumKey, posts) {
        const claimUntil = deps.deliverClaimed ? new Date(now.getTime() + (deps.leaseMs ?? 60_000)) : null;
        return { at: now, audit: { actorId: member.id, actorOrganisationKey: member.organisationKey, action, forumKey, caseCode }, posts, claimUntil };
      },
      written(rows) {
        for (const row of rows) {
          if (row.status === 'sending') claimed.push(row);
          else outboxIds.push(row.id);
        }
      },
      async audit(action, caseCode, forumKey = null, documentSha256 = null) {
        await store.audit.add({ at: now, actorId: member.id, actorOrganisationKey: member.organisationKey, action, forumKey, caseCode, documentSha256 });
      },
      guard: (text, where) => piiGuard(m, text, where, localDate(now)),
      publicUrl: this.deps.publicUrl?.replace(/\/+$/, '') ?? null,
      minutesPdf: this.deps.minutesPdf ?? null,
    };
  }

  private refuse(lang: Lang, key: ErrorKey, params?: Record<string, string>): Reply {
    // A usage error names the group; its usage lines come from the group's specs.
    const p = key === 'usage' ? { usage: groupUsage(params?.group ?? 'help', lang) } : echoSafe(params, localDate(this.deps.clock.now()));
    const message: Message = { tone: 'error', blocks: [{ type: 'text', text: errorText(messages(lang), key, p) }] };
    return { ok: false, message, outboxIds: [], lang };
  }
}

/** In the shell (and as a fallback), `@name@domain` is the person's e-mail. */
function defaultMention(platform: Identity['platform'], token: string): Identity | null {
  const email = token.replace(/^@/, '').toLowerCase();
  // A plain address only: an emoji, a quote or markup in a "mention" is a typo or an attempt, not a colleague.
  return /^[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/u.test(email) && email.length <= 254 ? { platform, externalId: email, email } : null;
}

function upsertIdentity(store: Store, who: Identity, organisationKey: string): Promise<MemberRow> {
  return store.members.upsert({
    platform: who.platform,
    externalId: who.externalId,
    email: who.email?.toLowerCase() ?? null,
    displayName: who.displayName ?? null,
    organisationKey,
    language: who.language ?? null,
  });
}

// Two commands that touch the same rows in opposite order (two people naming each other as owners at
// once) can deadlock; Postgres then aborts one of them. Its transaction rolled back whole, so it is
// run again — the soak check met this with commands spread over two replicas.
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure
async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      const err = e as { code?: unknown; cause?: { code?: unknown } };
      if (i >= attempts || !RETRYABLE.has(String(err?.code ?? err?.cause?.code))) throw e;
    }
  }
}
