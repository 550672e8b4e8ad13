// The Teams bot: a teams-ai Application on botbuilder's CloudAdapter. It turns activities into
// core commands (typed text, card buttons, card forms) and core replies into Adaptive Cards.
import { ActivityTypes, CallerIdConstants, CardFactory, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationRefs } from '../../src/core/ports.js';
import type { FileConfig } from '../../src/core/settings.js';
import type { Form, Identity, Lang, Message, Reply } from '../../src/core/model.js';
import type { FormValues } from '../../src/core/forms.js';
import { stringsOf } from '../../src/core/form-submit.js';
import type { CommandInput, Samrad } from '../../src/core/samrad.js';
import { messages } from '../../src/i18n/index.js';
import type { Clock } from '../../src/core/model.js';
import type { Logger } from '../../src/log.js';
import { channelOf, commandText, langOf, referenceOf, type MentionedPerson } from './activity.js';
import { People, type UserSeed } from './people.js';
import { TeamsPort, type MemberChatRef } from './port.js';
import { renderForm, renderMessage, VERB, type AdaptiveCard, type CardData, type FormState } from './render.js';
import { isFormKind } from '../../src/core/forms.js';
import { ALL_COMMANDS, type CommandId } from '../../src/core/commands/index.js';
import { detectPii } from '../../src/core/pii.js';
import { localDate } from '../../src/core/dates.js';
import { renderCards } from './cards.js';

export interface TeamsAuth {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType?: string;
  /** Where the channel's signing keys are published (botbuilder's ToBotFromChannelOpenIdMetadataUrl). */
  openIdMetadataUrl?: string;
}

export interface TeamsDeps {
  core: Samrad;
  /** Where conversation references are kept (the database, through a port the core declares). */
  refs: ConversationRefs;
  config: FileConfig;
  clock: Clock;
  logger: Logger;
}

/** botbuilder's own variable names; with no app id it runs unauthenticated (the HTTP route gates that). */
export function teamsAdapter(auth: TeamsAuth): TeamsAdapter {
  return new TeamsAdapter({
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppTenantId: auth.tenantId,
    MicrosoftAppType: auth.appType,
    // Any one parameterised value makes botbuilder take all of them as given: the public cloud's, but this URL.
    ...(auth.openIdMetadataUrl
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  } as never);
}

/** What the composition root tells the adapter (src/config.ts `teamsSetup` builds it from the environment). */
export interface TeamsSetup {
  auth: TeamsAuth;
  /** An app id is set, or unauthenticated requests are allowed (TEAMS_ALLOW_UNAUTHENTICATED=1). */
  configured: boolean;
  allowUnauthenticated: boolean;
}

type Seen = Identity & { teamsId?: string };

export class TeamsBot {
  readonly adapter: TeamsAdapter;
  readonly app: Application;
  readonly port: TeamsPort;
  private readonly people: People;

  constructor(
    auth: TeamsAuth,
    private readonly deps: TeamsDeps,
  ) {
    this.adapter = teamsAdapter(auth);
    this.adapter.onTurnError = async (_ctx, err) => deps.logger.error({ err }, 'teams turn failed');
    this.people = new People(deps.clock, deps.logger);
    this.port = new TeamsPort(this.adapter, auth.appId ?? '', deps.refs, deps.logger);
    this.app = new Application({ adapter: this.adapter, botAppId: auth.appId ?? '', removeRecipientMention: false, startTypingTimer: false, longRunningMessages: false });
    this.routes();
  }

  /** Runs one incoming activity (the HTTP route hands them in). */
  run(context: TurnContext): Promise<void> {
    return this.app.run(context).then(() => undefined);
  }

  private routes(): void {
    // Action.Execute (Teams universal actions): the answer replaces the card for the person who pressed.
    this.app.adaptiveCards.actionExecute<CardData>(VERB, async (ctx, _state, data) => {
      const [first, ...rest] = await this.cardAction(ctx, data);
      // A long answer (split to stay under Teams' size limit): the first card replaces the pressed one.
      for (const card of rest) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      return first ?? this.notice(ctx, 'done');
    });
    // Action.Submit (older clients, the Emulator): the answer is a reply in the conversation.
    this.app.adaptiveCards.actionSubmit<CardData>(VERB, async (ctx, _state, data) => {
      for (const card of await this.cardAction(ctx, data)) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    });
    this.app.conversationUpdate('membersAdded', (ctx) => this.installed(ctx));
    this.app.activity(ActivityTypes.Message, async (ctx) => {
      const { text, mentions } = commandText(ctx.activity);
      for (const card of await this.command(ctx, text, mentions)) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    });
  }

  private lang(ctx: TurnContext): Lang {
    return this.deps.core.lang(langOf(ctx.activity.locale));
  }

  /** One line in a card (for answers that have no message of their own). */
  private notice(ctx: TurnContext, what: 'done' | 'stale', tone: Message['tone'] = 'info'): AdaptiveCard {
    const m = messages(this.lang(ctx));
    return renderMessage({ tone, blocks: [{ type: 'text', text: what === 'done' ? m.teams.done : m.teams.staleCard() }] });
  }

  /** Runs command text as the speaker; returns the cards to answer with, none when the answer went to the channel. */
  private command(ctx: TurnContext, text: string, mentions: Map<string, MentionedPerson> = new Map()): Promise<AdaptiveCard[]> {
    return this.as(ctx, mentions, (input) => this.deps.core.handle({ ...input, text }));
  }

  /** Runs something as the speaker, resolving mentions through Teams and keeping the ways to reach everyone named. */
  private async as(ctx: TurnContext, mentions: Map<string, MentionedPerson>, work: (input: Omit<CommandInput, 'text'>) => Promise<Reply>, formState?: () => FormState | undefined): Promise<AdaptiveCard[]> {
    const identity: Seen = await this.people.speaker(ctx);
    const channel = channelOf(ctx.activity);
    const seen: Seen[] = [identity];
    this.remember(ctx, identity);
    const reply = await work({
      identity,
      channel,
      resolveMention: async (token) => {
        const key = token.replace(/^@/, '').replace(/^teams:/, '');
        const who: Seen | null = await this.people.person(ctx, mentions.get(token), key);
        if (who) {
          seen.push(who);
          this.remember(ctx, who);
        }
        return who;
      },
    });
    await this.persistWaysIn(ctx, seen, channel.direct === true);
    if (reply.form) return [this.form(reply.form, this.deps.core.lang(reply.form.lang, reply.lang, identity.language), formState?.())];
    return reply.message ? renderCards(reply.message) : [];
  }

  private form(form: Form, lang: Lang, state?: FormState): AdaptiveCard {
    return renderForm(form, lang, state);
  }

  /** Lets the port open a personal chat with someone named in this very command (before it is stored). */
  private remember(ctx: TurnContext, who: Seen): void {
    const seed = this.people.seedOf(ctx, who);
    if (seed) this.port.seeds.set(who.externalId, seed);
  }

  /** Stores how to reach people later: the personal chat itself, or a seed to open one. */
  private async persistWaysIn(ctx: TurnContext, seen: Seen[], direct: boolean): Promise<void> {
    for (const [i, who] of seen.entries()) {
      if (i === 0 && direct) {
        const ref: MemberChatRef = { kind: 'conversation', reference: referenceOf(ctx.activity) };
        await this.deps.refs.setMemberRef('teams', who.externalId, ref);
      } else {
        const seed = this.port.seeds.get(who.externalId);
        if (seed) await this.deps.refs.setMemberRef('teams', who.externalId, seed satisfies UserSeed, { onlyIfEmpty: true });
      }
      this.port.seeds.delete(who.externalId);
    }
  }

  /** A card button or form submit: the same grammar, form rules and handlers as typed text. */
  private async cardAction(ctx: TurnContext, data: CardData): Promise<AdaptiveCard[]> {
    if (typeof data.submit === 'string') return this.submitted(ctx, data);
    if (typeof data.command === 'string' && data.command.length <= 4000) return this.command(ctx, data.command);
    return [this.notice(ctx, 'stale', 'error')];
  }

  /**
   * A submitted form card: the core reads the values; a wrong field is named and nothing runs. The form
   * comes back with what was typed kept in its fields and each field's error under it — except a value
   * holding identity data, which is never echoed (it is left empty; the error says why).
   */
  private async submitted(ctx: TurnContext, data: CardData): Promise<AdaptiveCard[]> {
    const people = new Set(Array.isArray(data.people) ? data.people : []);
    const values: FormValues = {};
    const typed: Record<string, string> = {};
    const today = localDate(this.deps.clock.now());
    for (const [k, v] of Object.entries(stringsOf(data))) {
      if (['verb', 'submit', 'command', 'form', 'lang'].includes(k)) continue;
      // A person field holds a typed mention or e-mail address (or an Entra object id from an older card).
      values[k] = people.has(k) && v.trim() && !v.startsWith('@') ? `@teams:${v.trim()}` : v;
      const staff = people.has(k) && /^@?[^@\s]+@[^@\s]+$/.test(v.trim());
      if (staff || !detectPii(v, { today, names: true }).length) typed[k] = v;
    }
    const sub = { kind: data.submit, values, hidden: data.hidden, lang: data.lang };
    let errors: Record<string, string> | null = null;
    return this.as(ctx, new Map(), async (input) => {
      const reply = await this.deps.core.submitForm(async () => input, sub, {
        langHints: [langOf(ctx.activity.locale)],
        showInForm: async (all) => ((errors = all), true),
      });
      if (reply || !errors || !isFormKind(sub.kind)) return reply ?? { ok: true, outboxIds: [] };
      // The same form again, built as the command builds it (its options, labels and language).
      const spec = ALL_COMMANDS.find((c) => c.form === sub.kind);
      const again = spec ? await this.deps.core.run(input, { name: spec.id as CommandId, form: stringsOf(sub.hidden) }, this.deps.core.lang(data.lang as Lang | undefined)) : null;
      return again?.form ? again : { ok: false, outboxIds: [], message: this.deps.core.formErrors(sub.kind, errors, stringsOf(sub.hidden), this.deps.core.lang(data.lang as Lang | undefined)) };
    }, () => (errors ? { values: typed, errors } : undefined));
  }

  /** The bot was added to a team, chat or personal scope: keep the way in and say how to start. */
  private async installed(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    if (!a.membersAdded?.some((m) => m.id === a.recipient.id)) return;
    const channel = channelOf(a);
    if (channel.direct) {
      const from: Seen = await this.people.speaker(ctx);
      await this.deps.refs.setMemberRef('teams', from.externalId, { kind: 'conversation', reference: referenceOf(a) } satisfies MemberChatRef);
    } else if (await this.deps.refs.setChannelRef('teams', channel.id, channel.ref)) {
      this.deps.logger.info('teams channel reference refreshed');
    }
    const m = messages(this.lang(ctx));
    const welcome = renderMessage({ blocks: [{ type: 'text', text: m.teams.welcome({ forums: this.deps.config.forums.map((f) => f.key).join(', ') }) }] });
    await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(welcome)] });
  }
}
