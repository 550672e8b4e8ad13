// Start-up with two organisations on one e-mail domain (issue 17): without member lists or groups they
// cannot be told apart, so the config file is refused with both named; with one of them listed it loads.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadFileConfig } from '../../src/config.js';

function write(organisations: unknown[]): string {
  const cfg = parse(readFileSync('config/samrad.yaml', 'utf8'));
  // The shipped config has its own komvux (with a member list); the test's replaces it.
  cfg.organisations = cfg.organisations.filter((o: { key: string }) => o.key !== 'komvux');
  cfg.organisations.push(...organisations);
  const file = join(mkdtempSync(join(tmpdir(), 'samrad-domain-')), 'samrad.yaml');
  writeFileSync(file, stringify(cfg));
  return file;
}

function shippedKeys(): string[] {
  return (parse(readFileSync('config/samrad.yaml', 'utf8')).organisations as { key: string }[]).map((o) => o.key);
}

describe('two organisations on one e-mail domain', () => {
  it('stops start-up naming the file and both organisations', () => {
    const file = write([{ key: 'komvux', name: 'Komvux Helsingborg', domains: ['helsingborg.se'] }]);
    expect(() => loadFileConfig(file)).toThrow(ConfigError);
    expect(() => loadFileConfig(file)).toThrow(`${file}: organisations: organisations "helsingborg" and "komvux" share the domain helsingborg.se and none of them has a member list`);
  });

  it('loads when one of them has members or groups', () => {
    expect(loadFileConfig(write([{ key: 'komvux', name: 'Komvux Helsingborg', domains: ['helsingborg.se'], groups: ['S0KOMVUX'] }])).organisations.map((o) => o.key)).toEqual([...shippedKeys().filter((k) => k !== 'komvux'), 'komvux']);
  });
});
