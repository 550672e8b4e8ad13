import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadFileConfig } from '../../src/config.js';

function write(yaml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'samrad-cfg-')), 'bad.yaml');
  writeFileSync(path, yaml);
  return path;
}

describe('configuration', () => {
  it('ships Helsingborg as the default: four forums, AF and the city with its administrations by membership', () => {
    const cfg = loadFileConfig();
    expect(cfg.forums.map((f) => f.key)).toEqual(['arendeforum-vuxna', 'arendeforum-unga', 'ung-helsingborg', 'styrgrupp']);
    expect(cfg.forums.map((f) => [f.kind, f.cadence.everyWeeks ?? f.cadence.rrule])).toEqual([['case', 2], ['case', 2], ['topic', 6], ['topic', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU']]);
    expect(cfg.organisations.map((o) => [o.key, o.parent ?? null, o.members.length > 0])).toEqual([
      ['af', null, false], ['helsingborg', null, false], ['amf', 'helsingborg', true], ['komvux', 'helsingborg', true], ['ung', 'helsingborg', true], ['socialtjanst', 'helsingborg', true],
    ]);
    expect(cfg.routines.map((r) => r.key)).toEqual(['skolsamverkan', 'kvartalsuppfoljning', 'arlig-utvardering', 'revidering']);
    expect(cfg.handoverTemplates.map((t) => t.key)).toContain('sfi');
  });

  it('names the file, the path and the problem of a bad config', () => {
    const base = loadFileConfig();
    const path = write(
      JSON.stringify({ ...base, forums: [{ ...base.forums[0], cadence: { ...base.forums[0].cadence, time: '25:00' } }] }),
    );
    expect(() => loadFileConfig(path)).toThrow(ConfigError);
    expect(() => loadFileConfig(path)).toThrow(`${path}: forums.0.cadence.time: expected a time HH:MM`);
  });

  it('refuses a handover template between unknown organisations', () => {
    const base = loadFileConfig();
    const path = write(JSON.stringify({ ...base, handoverTemplates: [{ ...base.handoverTemplates[0], to: 'skatteverket' }] }));
    expect(() => loadFileConfig(path)).toThrow('handoverTemplates.0.to: unknown organisation "skatteverket"');
    const several = write(JSON.stringify({ ...base, handoverTemplates: [{ ...base.handoverTemplates[0], to: ['helsingborg', 'skatteverket'] }] }));
    expect(() => loadFileConfig(several)).toThrow('handoverTemplates.0.to.1: unknown organisation "skatteverket"');
  });

  it('refuses a cadence rule that is none, both shorthand and rule, and an unknown pause', () => {
    const base = loadFileConfig();
    // Without the shipped calendar and routines (which name the shipped forums and pauses).
    const withCadence = (cadence: object) => write(JSON.stringify({ ...base, calendar: { terms: [], pauses: [] }, routines: [], forums: [{ ...base.forums[0], cadence }] }));
    expect(() => loadFileConfig(withCadence({ rrule: 'FREQ=HOURLY', time: '09:00' }))).toThrow('forums.0.cadence.rrule: FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY');
    expect(() => loadFileConfig(withCadence({ rrule: 'FREQ=MONTHLY;BYDAY=1TH', everyWeeks: 2, anchor: '2026-01-01', time: '09:00' }))).toThrow('forums.0.cadence: give either everyWeeks (with anchor) or rrule');
    expect(() => loadFileConfig(withCadence({ rrule: 'FREQ=MONTHLY;BYDAY=1TH', time: '09:00', pauses: ['sommar'] }))).toThrow('forums.0.cadence.pauses.0: unknown pause "sommar"');
    expect(() => loadFileConfig(withCadence({ rrule: 'FREQ=MONTHLY;BYDAY=1TH', time: '09:00', within: 'terms' }))).toThrow('forums.0.cadence.within: within: terms needs calendar.terms');
  });

  it('says so when the file is not YAML or missing', () => {
    expect(() => loadFileConfig(write('forums: [unclosed'))).toThrow(/not valid YAML/);
    expect(() => loadFileConfig('/nonexistent/samrad.yaml')).toThrow(/cannot read the config file/);
  });

  it('chooses shell mode without chat credentials and server mode with them', () => {
    expect(loadConfig({}).mode).toBe('shell');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's' }).mode).toBe('server');
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: '1' }).mode).toBe('server');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SAMRAD_MODE: 'shell' }).mode).toBe('shell');
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
