// The approved protokoll as PDF: GET /minutes/<forum>/<YYYY-MM-DD>.pdf?token=… (the link `protokoll pdf`
// gives). Rendered on request from the database, byte for byte the document whose SHA-256 is in the
// audit log. A wrong token, an unknown forum or date, and minutes not yet approved all answer 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { minutesPdfToken, sameToken } from '../core/feedtoken.js';
import { findMinutes, loadProtokoll } from '../core/meeting/protokoll-load.js';
import type { FileConfig } from '../core/settings.js';
import type { Store } from '../core/stores.js';
import { json, type Route } from './server.js';

export function minutesRoutes(store: Store, config: FileConfig): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/minutes\/([a-z0-9-]{1,60})\/(\d{4}-\d{2}-\d{2})\.pdf$/,
      async handle(req: IncomingMessage, res: ServerResponse, match) {
        const [, key, date] = match!;
        const forum = await store.forums.byKey(key);
        const given = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
        if (!forum?.calendarToken || !sameToken(given, minutesPdfToken(forum.calendarToken, key, date))) return json(res, 404, { ok: false, error: 'not found' });
        const row = await findMinutes(store, key, date);
        if (!row || row.minutesStatus !== 'approved') return json(res, 404, { ok: false, error: 'not found' });
        const { doc, createdAt } = await loadProtokoll(store, config, forum, row);
        const { protokollPdf } = await import('../export/protokoll-pdf.js');
        const pdf = await protokollPdf(doc, { createdAt });
        res.writeHead(200, {
          'content-type': 'application/pdf',
          'content-length': pdf.length,
          'content-disposition': `inline; filename="protokoll-${key}-${date}.pdf"`,
          'cache-control': 'private, max-age=300',
        });
        res.end(pdf);
      },
    },
  ];
}
