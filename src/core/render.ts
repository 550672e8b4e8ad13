// Shared wording of cases, steps and meetings in the neutral message model.
import type { FileConfig } from '../config.js';
import type { CaseRow, HandoverRow, MemberRow, StepRow } from '../db/repo.js';
import type { Messages } from '../i18n/index.js';

export function orgName(cfg: FileConfig, key: string | null | undefined): string {
  return cfg.organisations.find((o) => o.key === key)?.name ?? key ?? '?';
}

export function groupsText(cfg: FileConfig, m: Messages, groups: string[]): string {
  return groups.length ? groups.map((g) => cfg.targetGroups[g] ?? g).join(', ') : m.labels.noGroup;
}

/** One line for lists and agendas. The question shows only with consent; otherwise the case is de-identified. */
export function caseLine(cfg: FileConfig, m: Messages, c: CaseRow, opts: { isNew?: boolean } = {}): string {
  const parts = [
    `${c.code}${opts.isNew ? ` (${m.agendaNew})` : ''}`,
    `${m.labels.groups}: ${groupsText(cfg, m, c.targetGroups)}`,
    `${m.labels.consent}: ${m.consent[c.consent] ?? c.consent}`,
    `${m.labels.raisedBy}: ${orgName(cfg, c.organisationKey)}`,
  ];
  const q = c.consent === 'ja' ? c.question : null;
  return `${parts.join(' · ')}${q ? ` — ${shorten(q, 140)}` : c.consent !== 'ja' ? ` — ${m.labels.withoutConsent}` : ''}`;
}

export function memberName(mem: MemberRow | undefined): string {
  if (!mem) return '?';
  return mem.displayName ?? mem.email ?? mem.externalId;
}

export function stepLine(m: Messages, s: StepRow, owner: MemberRow | undefined, today: string): string {
  const late = s.status === 'open' && s.dueDate < today;
  const state = s.status === 'done' ? m.labels.done : late ? m.labels.overdue : m.labels.open;
  return `#${s.id} ${s.text ?? '…'} – ${m.labels.owner.toLowerCase()} ${memberName(owner)}, ${m.labels.due.toLowerCase()} ${s.dueDate} (${state})`;
}

export function handoverLine(m: Messages, h: HandoverRow, name: string, to: MemberRow | undefined, today: string): string {
  const late = h.status === 'open' && h.dueDate < today;
  const state = h.status === 'answered' ? m.labels.done : late ? m.labels.overdue : m.labels.open;
  return `#${h.id} ${name} → ${memberName(to)}, ${m.labels.due.toLowerCase()} ${h.dueDate} (${state})`;
}

export function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
