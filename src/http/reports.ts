// The report chart as PNG: GET /reports/<forum>/<YYYY-Qn>.png?token=… (the link `rapport` gives).
// Rendered on request from the database, so any replica can serve it and nothing is stored.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileConfig } from '../config.js';
import type { Store } from '../core/stores.js';
import { reportImageToken, sameToken } from '../core/feedtoken.js';
import type { Clock } from '../core/model.js';
import { messages } from '../i18n/index.js';
import { quarterReport } from '../core/report/indicators.js';
import { parseQuarter } from '../core/report/quarter.js';
import { json, type Route } from './server.js';

export function reportRoutes(store: Store, config: FileConfig, clock: Clock): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/reports\/([a-z0-9-]{1,60})\/(\d{4}-Q[1-4])\.png$/,
      async handle(req: IncomingMessage, res: ServerResponse, match) {
        const [, key, quarter] = match!;
        const forum = await store.forums.byKey(key);
        const given = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
        const q = parseQuarter(quarter);
        if (!forum?.calendarToken || !q || !sameToken(given, reportImageToken(forum.calendarToken, key, q.label))) return json(res, 404, { ok: false, error: 'not found' });
        const r = await quarterReport(store, config, q, clock.now(), key);
        // vega and resvg cost ~2 s and ~50 MB to load: only a process that draws a chart pays for them.
        const { chartPng } = await import('../report/chart.js');
        const png = await chartPng(r.forums[0], messages(config.language), q.label);
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'private, max-age=300' });
        res.end(png);
      },
    },
  ];
}
