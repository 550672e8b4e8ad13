// GET /mine?token=…: `mina` as a page — one person's open steps, handovers and forum routines in every forum
// (the Teams personal tab). The token is that person's; it shows nothing of anyone else.
import type { FileConfig } from '../../core/settings.js';
import { localDate } from '../../core/dates.js';
import type { Lang } from '../../core/model.js';
import { person } from '../../core/consent.js';
import { myRoutines } from '../../core/routines/mine.js';
import { memberName, orgName, stepTextShown, templateName } from '../../core/render.js';
import type { MemberRow, Store } from '../../core/stores.js';
import { messages } from '../../i18n/index.js';
import { formatDate, html, Html, page } from './html.js';
import { pageWords, type PageWords } from './words.js';

function due(date: string, today: string, w: PageWords): Html {
  const late = date < today;
  return html`<td class="num${late ? ' late' : ''}"><time datetime="${date}">${formatDate(date, w)}</time>${late ? html` <span class="badge">${w.overdue}</span>` : ''}</td>`;
}

export async function minePage(store: Store, cfg: FileConfig, member: MemberRow, lang: Lang, now: Date, langHref: string): Promise<string> {
  const w = pageWords(lang);
  const m = messages(lang);
  const today = localDate(now);
  const [steps, handovers, forums, routines] = await Promise.all([store.steps.openOwnedBy(member.id), store.handovers.openOwedBy(member.id), store.forums.all(), myRoutines(store, cfg, member, null)]);
  const cases = await store.cases.byIds([...steps.map((s) => s.caseId), ...handovers.map((x) => x.caseId)]);
  const forumName = (key: string) => forums.find((f) => f.key === key)?.name ?? key;
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return page(
    w,
    w.mineTitle,
    html`<header><p class="muted">${w.samrad} · <a href="${langHref}${other}" lang="${other}">${w.language}</a></p><h1>${w.mineTitle}</h1><p>${memberName(member)} · ${w.mineIntro}</p><p class="muted">${w.asOf(formatDate(today, w))}</p></header>
<main id="main">
<section aria-labelledby="h-steps"><h2 id="h-steps">${w.openSteps} (${steps.length})</h2>
${steps.length ? html`<div class="scroll" role="region" aria-labelledby="cap-steps" tabindex="0"><table id="my-steps"><caption id="cap-steps">${w.openSteps}</caption><thead><tr><th scope="col">${w.step}</th><th scope="col">${w.case}</th><th scope="col">${w.forum}</th><th scope="col" class="num">${w.due}</th></tr></thead>
<tbody>${steps.map((s) => html`<tr><th scope="row">#${s.id} ${stepTextShown(m, cases.get(s.caseId), s, person(member.id))}</th><td>${cases.get(s.caseId)?.code ?? '?'}</td><td>${forumName(s.forumKey)}</td>${due(s.dueDate, today, w)}</tr>`)}</tbody></table></div>` : html`<p>${w.noOpenSteps}</p>`}</section>
<section aria-labelledby="h-handovers"><h2 id="h-handovers">${w.openHandovers} (${handovers.length})</h2>
${handovers.length ? html`<div class="scroll" role="region" aria-labelledby="cap-handovers" tabindex="0"><table id="my-handovers"><caption id="cap-handovers">${w.openHandovers}</caption><thead><tr><th scope="col">${w.template}</th><th scope="col">${w.case}</th><th scope="col">${w.forum}</th><th scope="col" class="num">${w.due}</th></tr></thead>
<tbody>${handovers.map((x) => html`<tr><th scope="row">#${x.id} ${templateName(cfg, x.templateKey)} (${orgName(cfg, x.fromOrganisationKey)})</th><td>${cases.get(x.caseId)?.code ?? '?'}</td><td>${forumName(x.forumKey)}</td>${due(x.dueDate, today, w)}</tr>`)}</tbody></table></div>` : html`<p>${w.noOpenHandovers}</p>`}</section>
<section aria-labelledby="h-routines"><h2 id="h-routines">${w.openRoutines} (${routines.length})</h2>
${routines.length ? html`<div class="scroll" role="region" aria-labelledby="cap-routines" tabindex="0"><table id="my-routines"><caption id="cap-routines">${w.openRoutines}</caption><thead><tr><th scope="col">${w.routine}</th><th scope="col">${w.forum}</th><th scope="col" class="num">${w.due}</th></tr></thead>
<tbody>${routines.map((r) => html`<tr><th scope="row">#${r.occurrence.id} ${r.name}</th><td>${r.forumName}</td>${due(r.occurrence.dueDate, today, w)}</tr>`)}</tbody></table></div>` : html`<p>${w.noOpenRoutines}</p>`}</section>
</main>`,
  );
}
