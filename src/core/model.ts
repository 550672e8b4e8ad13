// Platform-neutral shapes the core speaks: who is talking, where, and what the bot says back.
// Adapters translate these to and from Slack, Teams and the terminal.

export type Platform = 'shell' | 'slack' | 'teams';
export type Lang = 'sv' | 'en';

/** A person as the chat platform identifies them (staff, never a case subject). */
export interface Identity {
  platform: Platform;
  externalId: string;
  email?: string | null;
  displayName?: string | null;
  tenantId?: string | null;
  language?: Lang | null;
  /** Group ids the platform reports (Slack user groups, Entra groups): an organisation may be found by them. */
  groups?: string[] | null;
}

export interface ChannelRef {
  platform: Platform;
  id: string;
  /** Platform data for proactive posts (a Teams conversation reference). */
  ref?: unknown;
  /** A direct/personal conversation with the bot rather than a forum channel. */
  direct?: boolean;
  /** Answers to a command here are read by the whole channel (Teams replies in the thread), not by the person alone. */
  publicReplies?: boolean;
}

/** Where an outgoing message goes. */
export type Target =
  | { kind: 'channel'; platform: Platform; channelId: string; ref?: unknown }
  | { kind: 'member'; platform: Platform; externalId: string; memberId: number; ref?: unknown };

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A button: pressing it runs `command` as if the user had typed it (forms may ask for the rest). */
export interface Action {
  id: string;
  label: string;
  command: string;
  style?: 'primary' | 'danger';
  /** A form that collects the rest of the command before it runs. */
  form?: FormKind;
}

export type Block =
  | { type: 'text'; text: string }
  /** A line that stands out (a section's name): bold in Slack and Teams, a plain line in text. */
  | { type: 'emphasis'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'item'; text: string; actions?: Action[] }
  | { type: 'actions'; actions: Action[] }
  | { type: 'divider' }
  | { type: 'image'; url: string; alt: string };

/** What the bot says: rendered as Block Kit, an Adaptive Card, or plain text. */
export interface Message {
  title?: string;
  blocks: Block[];
  tone?: 'info' | 'success' | 'warning' | 'error';
  /** Plain-text summary for notifications and fallbacks. */
  summary?: string;
}

export type FormKind = 'case-new' | 'step-new' | 'case-close' | 'handover-new' | 'handover-reply' | 'case-edit' | 'step-edit';

export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'longtext' | 'select' | 'multiselect' | 'radio' | 'date' | 'member' | 'number';
  options?: { value: string; label: string }[];
  optional?: boolean;
  initial?: string;
}

/** A form (Slack modal, Adaptive Card inputs, shell prompt) that ends in a command. */
export interface Form {
  kind: FormKind;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** Fixed values carried through the form (e.g. the case code a button belongs to). */
  hidden?: Record<string, string>;
  /** The language the form is written in; its errors come back in the same one. */
  lang?: Lang;
}

/** The answer to one command, for the person who gave it. */
export interface Reply {
  /** Shown only to the person (ephemeral in Slack). Absent when the answer went to the channel. */
  message?: Message;
  /** The command wants input through a form first. */
  form?: Form;
  /** Outbox rows this command enqueued; delivered right after commit. */
  outboxIds: number[];
  ok: boolean;
  /** The language the answer is in (adapters add their own hints in the same one). */
  lang?: Lang;
}

export const text = (t: string): Block => ({ type: 'text', text: t });
export const emphasis = (t: string): Block => ({ type: 'emphasis', text: t });
