// The protokoll as a document an authority can register and archive: forum, date and place, who was
// present, chair and secretary, numbered items (§ 1, § 2 …) with decisions and steps (owner, date),
// handovers, what carries over, and who approved it when. One neutral model, written out as Markdown
// or PDF (src/export/). Case lines and step texts are read live, so consent and purges apply as in chat.
import { z } from 'zod';
import type { Messages } from '../../i18n/index.js';
import { isoWeekday } from '../dates.js';
import type { Lang } from '../model.js';
import { caseLine, orgName, stepTextShown } from '../render.js';
import type { FileConfig } from '../settings.js';
import type { ForumRow, MeetingRow, Store } from '../stores.js';
import { labelOf } from '../vocabulary.js';
import type { Approval, FrozenStep, MinutesItem, MinutesRecord } from './minutes.js';
import type { Note } from './state.js';

const attendeeSchema = z.object({ memberId: z.number().int(), name: z.string(), organisationKey: z.string() });
/** meetings.attendance: set by `möte närvaro`; until then those who acted are listed, marked unconfirmed. */
export const attendanceSchema = z.object({
  present: z.array(attendeeSchema),
  chair: attendeeSchema.nullable(),
  secretary: attendeeSchema.nullable(),
  /** True once the coordinator has confirmed the list (`möte närvaro`). */
  confirmed: z.boolean(),
});

/** A person in the minutes' attendance: name and organisation, never more. */
export type Attendee = z.infer<typeof attendeeSchema>;
export type Attendance = z.infer<typeof attendanceSchema>;

export interface ProtokollSection {
  /** § number for agenda items; none for the closing sections. */
  number?: number;
  heading: string;
  lines: string[];
}

export interface ProtokollDoc {
  lang: Lang;
  title: string;
  /** Label/value pairs at the top: forum, date and time, place, chair, secretary, present, organisations, status. */
  meta: { label: string; value: string }[];
  sections: ProtokollSection[];
  /** Approval (justering) lines and the note on how cases without consent are shown. */
  closing: string[];
  approved: boolean;
}

/** The stored attendance of a meeting, or null when none was recorded (or it does not read). */
export function attendanceOf(row: MeetingRow): Attendance | null {
  const parsed = attendanceSchema.safeParse(row.attendance);
  return parsed.success ? parsed.data : null;
}

/** "torsdag 3 december 2026" from an ISO date. */
export function longDate(m: Messages, iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number);
  return `${m.weekdays[isoWeekday(iso) - 1]} ${d} ${m.protokoll.months[mo - 1]} ${y}`;
}

export async function protokollDoc(store: Store, cfg: FileConfig, m: Messages, forum: ForumRow, row: MeetingRow, fallback: Attendance): Promise<ProtokollDoc> {
  const P = m.protokoll;
  const rec = row.minutes as MinutesRecord;
  const approvals = Array.isArray(row.approvals) ? (row.approvals as Approval[]) : [];
  const attendance = attendanceOf(row) ?? fallback;
  const allSteps = [...rec.items.flatMap((i) => i.steps), ...rec.otherSteps, ...rec.carried.steps];
  const caseIds = [...rec.items.filter((i) => i.kind === 'case').map((i) => i.id), ...allSteps.map((s) => s.caseId), ...rec.closed.map((c) => c.caseId)];
  const [cases, stepRows] = await Promise.all([store.cases.byIds(caseIds), store.steps.byIds(allSteps.map((s) => s.id))]);
  const who = (a: Attendee) => `${a.name} (${orgName(cfg, a.organisationKey)})`;
  const stepText = (s: FrozenStep) => {
    const r = stepRows.get(s.id);
    const text = r ? stepTextShown(m, cases.get(s.caseId), r) : m.labels.purged;
    return m.minutes.step({ id: s.id, code: s.code, text, owner: s.owner, org: orgName(cfg, s.ownerOrganisationKey), due: s.due });
  };
  const noteText = (n: Note) =>
    n.kind === 'decision' ? m.minutes.decision({ text: n.text || m.labels.purged }) : m.minutes.inform({ who: n.name, org: orgName(cfg, n.organisationKey), text: n.text || m.labels.purged });
  const stateMark = (i: MinutesItem) => (i.state === 'skipped' ? ` (${m.minutes.skipped})` : i.state === 'pending' ? ` (${m.minutes.notReached})` : '');

  const sections: ProtokollSection[] = [];
  let n = 0;
  sections.push({ number: ++n, heading: P.opening, lines: [attendance.chair ? P.openingText({ chair: who(attendance.chair) }) : P.openingNoChair] });
  for (const i of rec.items) {
    const lines: string[] = [];
    if (i.kind === 'case') {
      const c = cases.get(i.id);
      lines.push(`${c ? caseLine(cfg, m, c) : (i.code ?? '?')}${stateMark(i)}`);
      for (const s of i.steps) lines.push(stepText(s));
      if (i.outcome) lines.push(m.minutes.outcome({ outcome: labelOf(m.outcome, i.outcome, i.outcome) }));
    } else lines.push(`${i.text ?? '?'}${stateMark(i)}`);
    for (const note of i.notes) lines.push(noteText(note));
    if (i.state === 'discussed' && lines.length === 1) lines.push(m.minutes.noSteps);
    sections.push({ number: ++n, heading: i.kind === 'case' ? (i.code ?? m.minutes.cases) : P.topic, lines });
  }
  if (rec.otherSteps.length) sections.push({ number: ++n, heading: P.otherSteps, lines: rec.otherSteps.map(stepText) });
  sections.push({ number: ++n, heading: P.closing, lines: [P.closingText] });

  sections.push({ heading: m.minutes.closed, lines: rec.closed.length ? rec.closed.map((c) => `${c.code}: ${labelOf(m.outcome, c.outcome, c.outcome)}`) : [m.labels.none] });
  const handovers = rec.carried.handovers.map((x) => m.minutes.handover({ id: x.id, code: x.code, template: x.template, to: x.to, due: x.due }));
  sections.push({ heading: P.handovers, lines: handovers.length ? handovers : [m.labels.none] });
  const carried = [
    ...(rec.carried.cases.length ? [`${m.minutes.carriedCases}: ${rec.carried.cases.map((c) => c.code).join(', ')}`] : []),
    ...rec.carried.steps.map(stepText),
    ...rec.carried.topics.map((t) => t.text),
  ];
  sections.push({ heading: m.minutes.carried, lines: carried.length ? carried : [m.labels.none] });

  const approved = row.minutesStatus === 'approved';
  const parties = rec.participants.length ? rec.participants : cfg.organisations.map((o) => o.key);
  const waiting = cfg.organisations.filter((o) => parties.includes(o.key) && !approvals.some((a) => a.organisationKey === o.key)).map((o) => o.name);
  const closing = [...approvals.map((a) => P.approvedBy({ name: a.name, org: orgName(cfg, a.organisationKey), at: a.at })), approved ? P.locked : P.draft({ waiting: waiting.join(', ') }), P.consentRule];
  const present = attendance.present.map(who).join(', ') || m.labels.none;
  const place = cfg.forums.find((f) => f.key === forum.key)?.place;
  return {
    lang: m.lang,
    title: m.minutes.title({ forum: forum.name, date: rec.date }),
    meta: [
      { label: P.forum, value: forum.name },
      { label: m.minutes.date, value: `${longDate(m, rec.date)} ${P.at} ${rec.time}` },
      { label: P.place, value: place ?? P.notNamed },
      { label: P.chair, value: attendance.chair ? who(attendance.chair) : P.notNamed },
      { label: P.secretary, value: attendance.secretary ? who(attendance.secretary) : P.notNamed },
      { label: P.present, value: attendance.confirmed ? present : `${present} (${P.unconfirmed})` },
      { label: m.minutes.participants, value: rec.participants.map((o) => orgName(cfg, o)).join(', ') || m.labels.none },
      { label: m.minutes.status, value: approved ? P.statusApproved : P.statusDraft },
    ],
    sections,
    closing,
    approved,
  };
}
