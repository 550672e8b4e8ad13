// GET /forum/<key>?token=…: what a member needs between meetings — the next meeting and its agenda,
// open cases (consent rule applied), open steps and handovers with owner and due date (overdue
// marked), the latest minutes and whether they are approved. Read-only; built from the same code as
// `dagordning`, `ärende lista` and `protokoll visa`, so the page and the chat never disagree.
import type { FileConfig } from '../../core/settings.js';
import { localDate, localTime } from '../../core/dates.js';
import type { Lang } from '../../core/model.js';
import { categoryText, groupsText, hasConsent, memberName, orgName, stepTextShown, templateName } from '../../core/render.js';
import { buildAgenda } from '../../core/handlers/agenda.js';
import { minutesMessage } from '../../core/meeting/minutes.js';
import { upcomingMeeting } from '../../core/schedule.js';
import type { CaseRow, ForumRow, HandoverRow, MemberRow, Store, StepRow } from '../../core/stores.js';
import { messages } from '../../i18n/index.js';
import { formatDate, formatWhen, html, Html, page } from './html.js';
import { messageHtml } from './message-html.js';
import { pageWords, type PageWords } from './words.js';

function due(date: string, today: string, w: PageWords): Html {
  const late = date < today;
  return html`<td class="num${late ? ' late' : ''}"><time datetime="${date}">${formatDate(date, w)}</time>${late ? html` <span class="badge">${w.overdue}</span>` : ''}</td>`;
}

function casesTable(cfg: FileConfig, lang: Lang, cases: CaseRow[], w: PageWords): Html {
  const m = messages(lang);
  if (!cases.length) return html`<p>${w.noOpenCases}</p>`;
  // Without consent the case is shown de-identified: code, target group and category, nothing else.
  return html`<p class="muted">${w.withoutConsent}</p><div class="scroll" role="region" aria-labelledby="cap-cases" tabindex="0"><table id="open-cases"><caption id="cap-cases">${w.openCases}</caption>
<thead><tr><th scope="col">${w.code}</th><th scope="col">${w.groups}</th><th scope="col">${w.category}</th><th scope="col">${w.consent}</th><th scope="col">${w.raisedBy}</th><th scope="col">${w.question}</th></tr></thead>
<tbody>${cases.map((c) => {
    const full = hasConsent(c);
    return html`<tr><th scope="row">${c.code}</th><td>${groupsText(cfg, m, c.targetGroups)}</td><td>${categoryText(cfg, m, c.category)}</td><td>${m.consent[c.consent] ?? c.consent}</td><td>${full ? orgName(cfg, c.organisationKey) : html`<span class="muted">${w.hiddenText}</span>`}</td><td>${full ? (c.question ?? '…') : html`<span class="muted">${w.hiddenText}</span>`}</td></tr>`;
  })}</tbody></table></div>`;
}

function stepsTable(lang: Lang, steps: StepRow[], cases: Map<number, CaseRow>, people: Map<number, MemberRow>, today: string, w: PageWords): Html {
  if (!steps.length) return html`<p>${w.noOpenSteps}</p>`;
  const m = messages(lang);
  return html`<div class="scroll" role="region" aria-labelledby="cap-steps" tabindex="0"><table id="open-steps"><caption id="cap-steps">${w.openSteps}</caption>
<thead><tr><th scope="col">${w.step}</th><th scope="col">${w.case}</th><th scope="col">${w.owner}</th><th scope="col" class="num">${w.due}</th></tr></thead>
<tbody>${steps.map((s) => html`<tr><th scope="row">#${s.id} ${stepTextShown(m, cases.get(s.caseId), s)}</th><td>${cases.get(s.caseId)?.code ?? '?'}</td><td>${memberName(people.get(s.ownerId))}</td>${due(s.dueDate, today, w)}</tr>`)}</tbody></table></div>`;
}

function handoversTable(cfg: FileConfig, list: HandoverRow[], cases: Map<number, CaseRow>, people: Map<number, MemberRow>, today: string, w: PageWords): Html {
  if (!list.length) return html`<p>${w.noOpenHandovers}</p>`;
  return html`<div class="scroll" role="region" aria-labelledby="cap-handovers" tabindex="0"><table id="open-handovers"><caption id="cap-handovers">${w.openHandovers}</caption>
<thead><tr><th scope="col">${w.template}</th><th scope="col">${w.case}</th><th scope="col">${w.receiver}</th><th scope="col" class="num">${w.due}</th></tr></thead>
<tbody>${list.map((x) => html`<tr><th scope="row">#${x.id} ${templateName(cfg, x.templateKey)}</th><td>${cases.get(x.caseId)?.code ?? '?'}</td><td>${memberName(people.get(x.toMemberId))} (${orgName(cfg, x.toOrganisationKey)})</td>${due(x.dueDate, today, w)}</tr>`)}</tbody></table></div>`;
}

export async function forumPage(store: Store, cfg: FileConfig, forum: ForumRow, lang: Lang, now: Date, langHref: string): Promise<string> {
  const w = pageWords(lang);
  const m = messages(lang);
  const today = localDate(now);
  const meeting = await upcomingMeeting(store, forum, now);
  const [agenda, cases, steps, handovers, minutesRow] = await Promise.all([
    buildAgenda(store, cfg, m, forum, meeting, now),
    store.cases.open(forum.key),
    store.steps.openOfForum(forum.key),
    store.handovers.openOfForum(forum.key),
    store.meetings.latestMinutes(forum.key),
  ]);
  const byId = await store.cases.byIds([...steps.map((s) => s.caseId), ...handovers.map((x) => x.caseId)]);
  const people = await store.members.byIds([...steps.map((s) => s.ownerId), ...handovers.map((x) => x.toMemberId)]);
  const minutes = minutesRow ? await minutesMessage(store, cfg, m, forum, minutesRow) : null;
  const when = meeting ? formatWhen(localDate(meeting.start), localTime(meeting.start), w) : null;
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return page(
    w,
    forum.name,
    html`<header><p class="muted">${w.samrad} · <a href="${langHref}${other}" lang="${other}">${w.language}</a></p><h1>${forum.name}</h1><p>${w.forumIntro}</p><p class="muted">${w.asOf(formatDate(today, w))}</p></header>
<main id="main">
<section aria-labelledby="h-next"><h2 id="h-next">${w.nextMeeting}</h2>
<p id="next-meeting">${when ? html`<time datetime="${meeting!.start.toISOString()}">${when}</time>` : w.noMeeting}</p>
<h3>${w.agenda}</h3><div id="agenda">${messageHtml({ ...agenda, title: undefined }, 4)}</div></section>
${forum.kind === 'case' ? html`<section aria-labelledby="h-cases"><h2 id="h-cases">${w.openCases} (${cases.length})</h2>${casesTable(cfg, lang, cases, w)}</section>` : ''}
<section aria-labelledby="h-steps"><h2 id="h-steps">${w.openSteps} (${steps.length})</h2>${stepsTable(lang, steps, byId, people, today, w)}</section>
<section aria-labelledby="h-handovers"><h2 id="h-handovers">${w.openHandovers} (${handovers.length})</h2>${handoversTable(cfg, handovers, byId, people, today, w)}</section>
<section aria-labelledby="h-minutes"><h2 id="h-minutes">${w.latestMinutes}</h2>
${minutes && minutesRow ? html`<p id="minutes-status"><span class="badge">${minutesRow.minutesStatus === 'approved' ? w.minutesApproved : w.minutesDraft}</span> ${minutes.title ?? ''}</p>${messageHtml({ ...minutes, title: undefined }, 3)}` : html`<p id="minutes-status">${w.noMinutes}</p>`}
</section>
</main>`,
  );
}
