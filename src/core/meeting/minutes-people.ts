// Who was there and who approved, for the minutes posted in chat: the same attendance, chair,
// secretary and named approvers (with the time of each approval) as the protokoll's PDF, in full.
import type { Messages } from '../../i18n/index.js';
import { orgName } from '../render.js';
import type { FileConfig } from '../settings.js';
import type { ForumRow, MeetingRow, Store } from '../stores.js';
import type { Approval } from './minutes.js';
import { defaultAttendance } from './protokoll-load.js';
import { attendanceOf, type Attendee } from './protokoll.js';

export async function minutesPeople(store: Store, cfg: FileConfig, m: Messages, forum: ForumRow, row: MeetingRow, approvals: Approval[]): Promise<{ label: string; value: string }[]> {
  const P = m.protokoll;
  const attendance = attendanceOf(row) ?? (await defaultAttendance(store, forum, row));
  const who = (a: Attendee) => `${a.name} (${orgName(cfg, a.organisationKey)})`;
  const present = attendance.present.map(who).join(', ') || m.labels.none;
  return [
    { label: P.present, value: attendance.confirmed ? present : `${present} (${P.unconfirmed})` },
    { label: P.chair, value: attendance.chair ? who(attendance.chair) : P.notNamed },
    { label: P.secretary, value: attendance.secretary ? who(attendance.secretary) : P.notNamed },
    ...(approvals.length ? [{ label: P.approvedHeading, value: approvals.map((a) => `${a.name} (${orgName(cfg, a.organisationKey)}) ${a.at}`).join('\n') }] : []),
  ];
}
