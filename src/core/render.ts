// Shared wording of cases, steps and meetings in the neutral message model.
import type { FileConfig } from './settings.js';
import type { CaseRow, HandoverRow, MemberRow, StepRow } from './stores.js';
import type { Messages } from '../i18n/index.js';
import { CHANNEL, hasConsent, shownText, type Audience } from './consent.js';

export function orgName(cfg: FileConfig, key: string | null | undefined): string {
  return cfg.organisations.find((o) => o.key === key)?.name ?? key ?? '?';
}

/** One organisation's name, or several (a template side of one of several) joined by " / ". */
export function orgNames(cfg: FileConfig, keys: string[]): string {
  return keys.map((k) => orgName(cfg, k)).join(' / ');
}

/** A handover template's name as configured, or its key when the config no longer has it. */
export function templateName(cfg: FileConfig, key: string): string {
  return cfg.handoverTemplates.find((t) => t.key === key)?.name ?? key;
}

export function groupsText(cfg: FileConfig, m: Messages, groups: string[]): string {
  return groups.length ? groups.map((g) => cfg.targetGroups[g] ?? g).join(', ') : m.labels.noGroup;
}

export function categoryText(cfg: FileConfig, m: Messages, category: string | null | undefined): string {
  return category ? (cfg.questionCategories[category] ?? category) : m.labels.noCategory;
}

export { hasConsent } from './consent.js';

/**
 * One line for lists, agendas, minutes and reminders. With consent: code, target group, consent, raising
 * organisation, category and the question. Without: only code, target group and category, and it says so.
 */
export function caseLine(cfg: FileConfig, m: Messages, c: CaseRow, opts: { isNew?: boolean } = {}): string {
  const code = `${c.code}${opts.isNew ? ` (${m.agendaNew})` : ''}`;
  const groups = `${m.labels.groups}: ${groupsText(cfg, m, c.targetGroups)}`;
  const category = c.category ? `${m.labels.category}: ${categoryText(cfg, m, c.category)}` : `${m.labels.category}: ${m.labels.noCategory}`;
  if (!hasConsent(c)) return `${[code, groups, category].join(' · ')} — ${m.labels.withoutConsent}`;
  const parts = [code, groups, `${m.labels.consent}: ${m.consent[c.consent] ?? c.consent}`, `${m.labels.raisedBy}: ${orgName(cfg, c.organisationKey)}`, category];
  return `${parts.join(' · ')}${c.question ? ` — ${shorten(c.question, 140)}` : c.purgedAt ? ` — ${m.labels.purged}` : ''}`;
}

/** A step's text as the consent rule (consent.ts) lets `to` see it; the channel by default. */
export function stepTextShown(m: Messages, c: Pick<CaseRow, 'consent'> | undefined, s: Pick<StepRow, 'text' | 'ownerId'> & { createdBy?: number | null }, to: Audience = CHANNEL): string {
  return shownText(m, c, to, { kind: 'step', ownerId: s.ownerId, authorId: s.createdBy ?? null }, s.text);
}

export function memberName(mem: MemberRow | undefined): string {
  if (!mem) return '?';
  return mem.displayName ?? mem.email ?? mem.externalId;
}

export function stepLine(m: Messages, s: StepRow, owner: MemberRow | undefined, today: string, c: Pick<CaseRow, 'consent'> | undefined, to: Audience): string {
  const late = s.status === 'open' && s.dueDate < today;
  const state = s.status === 'done' ? m.labels.done : s.status === 'struck' ? m.labels.struck : late ? m.labels.overdue : m.labels.open;
  return `#${s.id} ${stepTextShown(m, c, s, to)} – ${m.labels.owner.toLowerCase()} ${memberName(owner)}, ${m.labels.due.toLowerCase()} ${s.dueDate} (${state})`;
}

export function handoverLine(m: Messages, h: HandoverRow, name: string, to: MemberRow | undefined, today: string): string {
  const late = h.status === 'open' && h.dueDate < today;
  const state = h.status === 'answered' ? m.labels.done : late ? m.labels.overdue : m.labels.open;
  return `#${h.id} ${name} → ${memberName(to)}, ${m.labels.due.toLowerCase()} ${h.dueDate} (${state})`;
}

export function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
