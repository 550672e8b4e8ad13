import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { newFeedToken, reportImagePath, reportImageToken } from '../feedtoken.js';
import type { Message } from '../model.js';
import { mainFigures } from '../report/figures.js';
import { quarterReport } from '../report/indicators.js';
import { parseQuarter } from '../report/quarter.js';

/** `rapport 2026-Q4`: this forum's quarterly figures and a link to the chart (served by the HTTP server). */
export async function report(h: HandlerContext, quarter: string): Promise<Message> {
  const forum = await h.forum();
  const q = parseQuarter(quarter);
  if (!q) throw new UserError('badQuarter', { value: quarter });
  const r = await quarterReport(h.store, h.config, q, h.now, forum.key);
  const f = r.forums[0];
  const feed = await h.store.forums.ensureCalendarToken(forum.key, newFeedToken());
  const url = `${h.publicUrl ?? ''}${reportImagePath(forum.key, q.label, reportImageToken(feed, forum.key, q.label))}`;
  await h.audit('report.read', null, forum.key);
  const title = h.m.report.chatTitle({ forum: forum.name, quarter: q.label });
  return {
    title,
    summary: title,
    blocks: [
      { type: 'text', text: h.m.report.asOf({ date: r.asOf }) },
      { type: 'fields', fields: mainFigures(f, h.config, h.m) },
      // Slack and Teams fetch images themselves: a relative link would never load (Slack refuses the post).
      chartUnreachable(h) ? { type: 'text', text: h.m.report.chartNeedsPublicUrl } : { type: 'image', url, alt: h.m.report.chart.title({ forum: forum.name, quarter: q.label }) },
    ],
  };
}

/** In Slack or Teams without SAMRAD_PUBLIC_URL the chart link cannot be absolute, so it is not offered. */
function chartUnreachable(h: HandlerContext): boolean {
  return !h.publicUrl && h.channel.platform !== 'shell';
}
