// The pages' HTML: escaping, one layout with its stylesheet, and Swedish (or English) number and
// date formats. Server-rendered and complete without JavaScript; the stylesheet is inline so a
// page is one request (and works inside a Teams tab without further origins).
import type { ServerResponse } from 'node:http';
import type { PageWords } from './words.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

/** A trusted piece of HTML (already escaped). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolated values are escaped unless they are Html (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return esc(String(v));
}

/** `4 000`, `30,5` (sv) or `4,000`, `30.5` (en); at most one decimal, as the report rounds. */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number | null, w: PageWords): string {
  if (n === null) return '–';
  // One formatter per locale: building an Intl.NumberFormat costs more than formatting with it.
  let f = numberFormats.get(w.locale);
  if (!f) numberFormats.set(w.locale, (f = new Intl.NumberFormat(w.locale, { maximumFractionDigits: 1 })));
  return f.format(n);
}

/** `3 december 2026` (sv) or `3 December 2026` (en), from an ISO date. */
export function formatDate(iso: string, w: PageWords): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** `torsdag 3 december 2026 kl. 13:00` style, from a date and a time. */
export function formatWhen(iso: string, time: string, w: PageWords): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Intl.DateTimeFormat(w.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return w.htmlLang === 'sv' ? `${day} kl. ${time}` : `${day} at ${time}`;
}

// Colours meet WCAG 2.1 AA: text 4.5:1 or more on its background, focus outline 3:1.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.45}
a{color:#0b4f8a}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,[tabindex]:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip:focus{left:.5rem}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #767676;padding-bottom:.25rem}
.muted{color:#4d4d4d}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;background:#f3f5f7;padding:.75rem 1rem;border:1px solid #767676;border-radius:4px}
form.filters label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem;min-width:0;max-width:100%}
select{max-width:100%;min-width:0}
select,button,input{font:inherit;padding:.35rem .5rem;border:1px solid #595959;border-radius:3px;background:#fff;color:#1a1a1a}
button{background:#0b4f8a;color:#fff;border-color:#0b4f8a;cursor:pointer}
.notice{background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .75rem}
figure{margin:0}
.chart svg{max-width:100%;height:auto}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #9e9e9e;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
thead th{background:#eef1f4}
.downloads a{margin-right:1rem}
.late{color:#9b1c1c;font-weight:600}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;border:1px solid currentColor;font-size:.85rem}
ul.agenda{padding-left:1.25rem}
footer{margin-top:3rem;padding-bottom:2rem;font-size:.9rem}
@media (max-width:40rem){h1{font-size:1.3rem}form.filters{flex-direction:column;align-items:stretch}}
`;

export function page(w: PageWords, title: string, body: Html): string {
  return `<!doctype html>\n${html`<html lang="${w.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${title} – ${w.samrad}</title><style>${new Html(STYLE)}</style></head><body><a class="skip" href="#main">${w.skip}</a>${body}</body></html>`}`;
}

/** Pages carry a secret in their address: never cached by others, never sent on as a referrer. */
export function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    // No script runs on these pages; Teams may frame them.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft",
  });
  res.end(body);
}
