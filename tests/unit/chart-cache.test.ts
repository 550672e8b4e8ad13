// The dashboard's charts are compiled once per chart shape and drawn once per set of figures: a chart
// whose figures changed must be drawn anew, with the new figures, never served from what was drawn before;
// the axes use the page language's number format (`1 000` in Swedish, `1,000` in English).
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/http/pages/charts.js';
import type { ChartTable } from '../../src/http/pages/dashboard-data.js';
import { pageWords } from '../../src/http/pages/words.js';

const table = (cells: number[]): ChartTable => ({
  id: 'cases',
  title: 'Lyfta ärenden per forum',
  description: '',
  axis: 'Ärenden',
  rowHeader: 'Forum',
  columns: ['2026-Q3', '2026-Q4'],
  rows: [{ label: 'Ärendeforum unga', cells }],
  kind: 'stacked',
});

/** The bar heights in the SVG (Vega draws each bar as a path "M…h…v…h…Z"). */
const bars = (svg: string) => [...svg.matchAll(/<path[^>]*d="M[^"]*v(-?[\d.]+)/g)].map((m) => Number(m[1]));

describe('chart drawing with cached compilation', () => {
  it('new figures draw a new chart; the same figures the same one; each language its own number format', async () => {
    const w = pageWords('sv');
    const a = await chartSvg(table([2, 4]), w);
    const b = await chartSvg(table([2, 1200]), w);
    expect(b).not.toBe(a);
    expect(bars(b)).not.toEqual(bars(a));
    expect(b).toContain('1\u00a0000');
    expect(await chartSvg(table([2, 4]), w)).toBe(a);
    const en = await chartSvg(table([2, 1200]), pageWords('en'));
    expect(en).toContain('1,000');
  });
});
