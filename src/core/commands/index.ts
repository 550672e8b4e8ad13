// The registry: every command spec, in the order `hjälp` and the README list them.
// Adding a command: a spec in one of these files (or a new one, listed here), its texts under
// `commands` in src/i18n/sv.ts and en.ts, and its handler. See docs/architecture.md.
import type { z } from 'zod';
import type { Messages } from '../../i18n/index.js';
import { caseCloseCommand, caseListCommand, caseLogCommand, caseNewCommand, caseShowCommand } from './case.js';
import { agendaCommand, calendarCommand, helpCommand, linkCommand, mineCommand, reportCommand, topicAddCommand } from './forum.js';
import { handoverNewCommand, handoverReplyCommand } from './handover.js';
import { meetingAttendanceCommand, meetingCancelCommand, meetingDecideCommand, meetingEndCommand, meetingInformCommand, meetingMoveCommand, meetingNextCommand, meetingSkipCommand, meetingStartCommand } from './meeting.js';
import { memberAddCommand, memberListCommand, memberRemoveCommand } from './member.js';
import { minutesApproveCommand, minutesPdfCommand, minutesShowCommand } from './minutes.js';
import { mineLinkCommand, pageLinkCommand, pageRevokeCommand, reportLinkCommand, reportLinkRevokeCommand } from './pages.js';
import type { CommandSpec } from './spec.js';
import { stepDoneCommand, stepNewCommand } from './step.js';
import { caseEditCommand, caseEraseCommand, handoverCorrectCommand, handoverShowCommand, stepEditCommand, stepStrikeCommand } from './correct.js';

export const COMMANDS = [
  helpCommand,
  linkCommand,
  caseNewCommand,
  caseListCommand,
  caseShowCommand,
  caseCloseCommand,
  caseLogCommand,
  caseEditCommand,
  caseEraseCommand,
  topicAddCommand,
  agendaCommand,
  stepNewCommand,
  stepDoneCommand,
  stepEditCommand,
  stepStrikeCommand,
  mineCommand,
  mineLinkCommand,
  handoverNewCommand,
  handoverReplyCommand,
  handoverShowCommand,
  handoverCorrectCommand,
  meetingStartCommand,
  meetingNextCommand,
  meetingSkipCommand,
  meetingEndCommand,
  meetingDecideCommand,
  meetingInformCommand,
  meetingMoveCommand,
  meetingCancelCommand,
  meetingAttendanceCommand,
  minutesShowCommand,
  minutesApproveCommand,
  minutesPdfCommand,
  reportCommand,
  reportLinkCommand,
  reportLinkRevokeCommand,
  calendarCommand,
  pageLinkCommand,
  pageRevokeCommand,
  memberAddCommand,
  memberRemoveCommand,
  memberListCommand,
] as const;

type AnySpec = (typeof COMMANDS)[number];
export type CommandId = AnySpec['id'];
type SpecOf<N extends CommandId> = Extract<AnySpec, { id: N }>;
export type ArgsOf<N extends CommandId> = z.infer<SpecOf<N>['args']>;

/** A command ready to run: its id as `name` beside its checked arguments. */
export type Command = { [N in CommandId]: { name: N } & ArgsOf<N> }[CommandId];
/** A command that asks for its form first, with the values the form carries (`åtgärd ny UNG-2026-001`). */
export type FormCommand = { name: CommandId; form: Record<string, string> };

export const ALL_COMMANDS: readonly CommandSpec[] = COMMANDS;
const BY_ID = new Map<string, CommandSpec>(ALL_COMMANDS.map((s) => [s.id, s]));

export function specOf(id: CommandId): CommandSpec {
  return BY_ID.get(id)!;
}

// Every spec has its texts in both languages: sv defines the keys (en.ts is typed by sv), and the
// keys must be exactly the registry's ids. A missing or extra key fails `tsc` here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const textsMatchRegistry: Same<keyof Messages['commands'], CommandId> = true;
void textsMatchRegistry;
