// What Slack sends, translated for the core: `/forum …`, button presses, modal submissions and
// App Home. Each is acknowledged first (Slack waits at most 3 s); the work and its answer follow.
import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { messages } from '../../src/i18n/index.js';
import type { Samrad } from '../../src/core/samrad.js';
import { errorText } from '../../src/core/errors.js';
import type { ChannelRef, Form, Identity, Lang, Message, Reply, Target } from '../../src/core/model.js';
import { formUsage } from '../../src/core/commands/texts.js';
import type { Logger } from '../../src/log.js';
import type { Ticket, WorkQueue } from '../../src/http/work-queue.js';
import type { SlackDirectory } from './directory.js';
import type { SlackPort } from './port.js';
import { pageLinkBlocks, withPageLinks } from './home-links.js';
import { ACTION_PREFIX, fallbackText, FORM_CALLBACK, homeView, modalView, parseFormMeta, readViewValues, toPages, wholeHomeView, type FormMeta } from './render.js';
import { MORE_ACTION } from '../../src/core/paging.js';
import { fromSlackText } from './text.js';

export interface SlackDeps {
  core: Samrad;
  directory: SlackDirectory;
  port: SlackPort;
  log: Logger;
  /** The bound between the ack and the work (src/http/work-queue.ts). */
  queue: WorkQueue;
}

/** How an answer meant for one person reaches them from where they are. */
type Tell = (message: Message) => Promise<void>;

interface Request {
  userId: string;
  channel: ChannelRef;
  triggerId?: string;
  tell: Tell;
}

export function registerListeners(app: App, d: SlackDeps): void {
  app.command(/^\/forum/, async ({ ack, command, respond, client }) => {
    const ticket = d.queue.admit();
    // Full: the ack itself carries the answer (shown only to the person), and nothing is queued.
    if (!ticket) {
      d.log.warn({ channel: command.channel_id }, 'slack: work queue full, command turned away');
      return void (await ack({ response_type: 'ephemeral', text: busyText(d, command.user_id) }));
    }
    await ackHolding(ack, ticket);
    const channel = slackChannel(command.channel_id, command.channel_id.startsWith('D'));
    const req: Request = { userId: command.user_id, channel, triggerId: command.trigger_id, tell: ephemeralVia(respond) };
    await ticket.run(() => guarded(d, req, 'command', () => runText(d, client, req, fromSlackText(command.text ?? ''))));
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, respond, client }) => {
    const ticket = d.queue.admit();
    await ackHolding(ack, ticket);
    const fromHome = body.view?.type === 'home';
    const channelId = fromHome ? body.user.id : body.channel?.id ?? body.user.id;
    const req: Request = {
      userId: body.user.id,
      channel: slackChannel(channelId, fromHome || channelId.startsWith('D')),
      triggerId: body.trigger_id,
      tell: body.response_url && !fromHome ? ephemeralVia(respond) : directMessage(d, body.user.id),
    };
    if (!ticket) return busy(d, req);
    // "Visa fler" in App Home pages the view itself rather than answering in a DM.
    const pagesHome = fromHome && action.action_id.startsWith(`${ACTION_PREFIX}${MORE_ACTION}:`);
    await ticket.run(() =>
      guarded(d, req, 'action', async () => {
        if (pagesHome) return publishHome(d, client, body.user.id, action.value ?? '');
        await runText(d, client, req, action.value ?? '');
        if (fromHome) await publishHome(d, client, body.user.id);
      }),
    );
  });

  app.view(FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const meta = parseFormMeta(view.private_metadata);
    if (!meta) {
      await ack();
      d.log.warn({ callback: view.callback_id }, 'slack: a form without readable metadata was submitted');
      return;
    }
    const req: Request = { userId: body.user.id, channel: slackChannel(meta.channel, meta.direct), tell: meta.direct ? directMessage(d, body.user.id) : ephemeralIn(d, client, meta.channel, body.user.id) };
    const ticket = d.queue.admit();
    if (!ticket) {
      // Full: the form stays open with what was typed, the busy line under its first field.
      const first = view.blocks.map((b) => (b as { block_id?: string }).block_id).find(Boolean);
      if (first) return void (await ack({ response_action: 'errors', errors: { [first]: messages(meta.lang).slack.busy } }));
      await ack();
      return busy(d, req, meta.lang);
    }
    // Slack waits at most 3 s for the ack; the core calls `settled` before the command runs.
    let acked = false;
    const settle = async (errors?: Record<string, string>) => {
      if (acked) return;
      acked = true;
      await (errors ? ack({ response_action: 'errors', errors }) : ack());
    };
    const shown = new Set(view.blocks.map((b) => (b as { block_id?: string }).block_id));
    await ticket.run(() => guarded(d, req, 'form', async () => {
      const input = async () => ({ identity: await identityOf(d, req.userId), channel: req.channel, resolveMention: (t: string) => d.directory.resolveMention(t) });
      const reply = await d.core.submitForm(input, { kind: meta.kind, values: readViewValues(view.state as never), hidden: meta.hidden, lang: meta.lang }, {
        // Slack shows errors under the named input blocks; one without a block goes to the person instead.
        showInForm: async (all) => {
          const errors = Object.fromEntries(Object.entries(all).filter(([id]) => shown.has(id)));
          if (!Object.keys(errors).length) return false;
          await settle(errors);
          return true;
        },
        settled: () => settle(),
      });
      if (reply) await answer(d, client, req, reply);
    }));
    await settle();
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(d, client, event.user);
    } catch (err) {
      d.log.error({ err }, 'slack: app home could not be published');
    }
  });
}

function slackChannel(id: string, direct: boolean): ChannelRef {
  return { platform: 'slack', id, direct };
}

/** The person's identity; without one (bot, unknown), a bare one the core refuses politely. */
async function identityOf(d: SlackDeps, userId: string): Promise<Identity> {
  return (await d.directory.identity(userId)) ?? { platform: 'slack', externalId: userId };
}

async function runText(d: SlackDeps, client: webApi.WebClient, req: Request, text: string): Promise<void> {
  const identity = await identityOf(d, req.userId);
  const reply = await d.core.handle({ identity, channel: req.channel, text, resolveMention: (t) => d.directory.resolveMention(t) });
  await answer(d, client, req, reply);
}

/** Shows the reply to the person: a form as a modal, a message ephemerally, plus a hint when the forum's post failed. */
async function answer(d: SlackDeps, client: webApi.WebClient, req: Request, reply: Reply): Promise<void> {
  const lang = d.core.lang(reply.lang);
  const m = messages(lang);
  const blocks: Message['blocks'] = [];
  if (reply.form && !(await openForm(d, client, req, reply.form))) blocks.push({ type: 'text', text: `${m.slack.formFailed} ${formUsage(reply.form.kind, lang)}` });
  const failed = reply.outboxIds.length ? d.port.undeliverable(req.channel.id) : undefined;
  if (failed) blocks.push({ type: 'text', text: failed === 'channel_not_found' ? m.slack.channelNotFound : m.slack.notInChannel });
  if (reply.message) await req.tell(blocks.length ? { ...reply.message, blocks: [...reply.message.blocks, ...blocks] } : reply.message);
  else if (blocks.length) await req.tell({ tone: 'warning', blocks });
}

async function openForm(d: SlackDeps, client: webApi.WebClient, req: Request, form: Form): Promise<boolean> {
  if (!req.triggerId) return false;
  const meta: FormMeta = { kind: form.kind, hidden: form.hidden ?? {}, lang: d.core.lang(form.lang), channel: req.channel.id, direct: Boolean(req.channel.direct) };
  try {
    await client.views.open({ trigger_id: req.triggerId, view: modalView(form, meta, messages(meta.lang).forms.cancel) });
    return true;
  } catch (err) {
    // A trigger lives 3 s; a slow database can outlast it. The person is told how to type it instead.
    d.log.warn({ err, form: form.kind }, 'slack: views.open failed');
    return false;
  }
}

/**
 * App Home: the person's own open next steps and handovers, all of them in one view, then the pages
 * they may open (home-links.ts); when even packed they pass what the view has room for, a page of them
 * with "Visa fler" (`pageCommand`: that button's `mina <sida>`).
 */
async function publishHome(d: SlackDeps, client: webApi.WebClient, userId: string, pageCommand?: string): Promise<void> {
  const identity = await identityOf(d, userId);
  const lang = d.core.lang(identity.language);
  const input = { identity, channel: slackChannel(userId, true) };
  const title = messages(lang).mineTitle;
  const links = await pageLinkBlocks(d.core, identity, userId, lang);
  const paged = async () => {
    const reply = pageCommand ? await d.core.handle({ ...input, text: pageCommand, resolveMention: async () => null }) : await d.core.run(input, { name: 'mine', page: 1 }, lang);
    return homeView(title, reply.message ?? { blocks: [] });
  };
  const whole = pageCommand ? null : wholeHomeView(title, (await d.core.run(input, { name: 'mine', all: true }, lang)).message ?? { blocks: [] }, links.length);
  await client.views.publish({ user_id: userId, view: withPageLinks(whole ?? (await paged()), links) });
}

function ephemeralVia(respond: RespondFn): Tell {
  return async (message) => {
    for (const blocks of toPages(message)) await respond({ response_type: 'ephemeral', replace_original: false, text: fallbackText(message), blocks });
  };
}

function directMessage(d: SlackDeps, userId: string): Tell {
  const target: Target = { kind: 'member', platform: 'slack', externalId: userId, memberId: 0 };
  return async (message) => void (await d.port.send(target, message));
}

/** Visible only to the person in the channel; a DM when the app cannot post there. */
function ephemeralIn(d: SlackDeps, client: webApi.WebClient, channel: string, userId: string): Tell {
  return async (message) => {
    try {
      for (const blocks of toPages(message)) await client.chat.postEphemeral({ channel, user: userId, text: fallbackText(message), blocks });
    } catch (err) {
      d.log.warn({ err, channel }, 'slack: postEphemeral failed, answering in a DM');
      await directMessage(d, userId)(message);
    }
  };
}

/** Acks; an ack that fails gives the queue place back. */
async function ackHolding(ack: () => Promise<void>, ticket: Ticket | null): Promise<void> {
  try {
    await ack();
  } catch (e) {
    ticket?.release();
    throw e;
  }
}

/** "Busy, try again" in the person's language when it is known already, else the default. */
function busyText(d: SlackDeps, userId: string, lang?: Lang): string {
  return messages(d.core.lang(lang, d.directory.knownLanguage(userId))).slack.busy;
}

async function busy(d: SlackDeps, req: Request, lang?: Lang): Promise<void> {
  d.log.warn({ channel: req.channel.id }, 'slack: work queue full, request turned away');
  await req.tell({ tone: 'warning', blocks: [{ type: 'text', text: busyText(d, req.userId, lang) }] }).catch(() => {});
}

/** Runs the work after the ack; a failure is logged (never the text) and the person hears a polite line. */
async function guarded(d: SlackDeps, req: Request, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    d.log.error({ err, what, channel: req.channel.id }, 'slack: request failed after ack');
    const m = messages(d.core.lang());
    await req.tell({ tone: 'error', blocks: [{ type: 'text', text: errorText(m, 'internal') }] }).catch(() => {});
  }
}
