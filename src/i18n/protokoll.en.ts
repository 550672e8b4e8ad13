// The protokoll as a document (PDF and Markdown), attendance and the PDF link, in English.
import type { Messages } from './sv.js';

export const protokollEn = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  forum: 'Forum',
  at: 'at',
  place: 'Place',
  chair: 'Chair',
  secretary: 'Secretary',
  present: 'Present',
  unconfirmed: 'those who acted during the meeting; not confirmed by the coordinator',
  notNamed: 'not named',
  statusApproved: 'approved',
  statusDraft: 'draft, not approved',
  opening: 'Opening of the meeting',
  openingText: (p: { chair: string }) => `The chair ${p.chair} opened the meeting.`,
  openingNoChair: 'The meeting was opened.',
  topic: 'Topic',
  otherSteps: 'Steps on cases not on the agenda',
  closing: 'Closing of the meeting',
  closingText: 'The meeting was closed.',
  handovers: 'Unanswered handovers',
  approvedHeading: 'Approved by',
  approvedBy: (p: { name: string; org: string; at: string }) => `Approved by ${p.name} (${p.org}) ${p.at}`,
  locked: 'The minutes are approved and locked; they can no longer be changed.',
  draft: (p: { waiting: string }) => `Draft: approved by one person from each organisation${p.waiting ? `; waiting for ${p.waiting}` : ''}.`,
  consentRule: 'Cases without consent are shown de-identified: code, target group and category only.',
  pdfLink: (p: { date: string; url: string }) => `The minutes of ${p.date} as PDF (archival PDF/A): ${p.url}`,
  pdfNeedsApproval: (p: { date: string }) => `The minutes of ${p.date} are not approved yet; the PDF exists once they are.`,
  pageOf: (p: { page: number; pages: number }) => `Page ${p.page} of ${p.pages}`,
  attendanceSaved: (p: { date: string; present: string; chair: string; secretary: string }) =>
    `Attendance for the meeting of ${p.date}: ${p.present}. Chair: ${p.chair}. Secretary: ${p.secretary}.`,
} satisfies Messages['protokoll'];
