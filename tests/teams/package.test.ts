// The Teams app package: the script fills in the app id and writes a zip Teams can read.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'samrad-teams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a zip's stored entries through its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, buf.subarray(start, start + size));
    p += 46 + nameLen;
  }
  return out;
}

describe('teams-package', () => {
  it('writes manifest and icons with the app id filled in', async () => {
    const out = join(dir, 'samrad-teams.zip');
    const appId = '11111111-2222-3333-4444-555555555555';
    await run(process.execPath, ['scripts/teams-package.mjs', '--app-id', appId, '--public-url', 'https://samrad.test', '--out', out]);
    const files = unzip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0].botId).toBe(appId);
    expect(manifest.developer.privacyUrl).toBe('https://samrad.test/privacy');
    // PNG width/height sit in the IHDR chunk.
    expect([files.get('color.png')!.readUInt32BE(16), files.get('color.png')!.readUInt32BE(20)]).toEqual([192, 192]);
    expect([files.get('outline.png')!.readUInt32BE(16), files.get('outline.png')!.readUInt32BE(20)]).toEqual([32, 32]);
  });

  it('declares the channel tab and the personal tab on the public URL, within the manifest schema\'s rules', async () => {
    const out = join(dir, 'tabs.zip');
    await run(process.execPath, ['scripts/teams-package.mjs', '--app-id', '11111111-2222-3333-4444-555555555555', '--public-url', 'https://samrad.test/base', '--out', out]);
    const manifest = JSON.parse(unzip(readFileSync(out)).get('manifest.json')!.toString('utf8'));
    // No schema offline: the rules of MicrosoftTeams.schema.json v1.17 that these fields have.
    expect(manifest.configurableTabs).toHaveLength(1);
    const [tab] = manifest.configurableTabs;
    expect(tab.configurationUrl).toBe('https://samrad.test/base/teams/tab/config');
    expect(tab.canUpdateConfiguration).toBe(true);
    expect(tab.scopes).toEqual(['team', 'groupChat']);
    for (const c of tab.context) expect(['personalTab', 'channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage']).toContain(c);
    expect(manifest.staticTabs).toEqual([{ entityId: 'mina', name: 'Mina', contentUrl: 'https://samrad.test/base/teams/tab/mine?lang={locale}', scopes: ['personal'] }]);
    expect(manifest.staticTabs.length).toBeLessThanOrEqual(16);
    expect(manifest.staticTabs[0].entityId.length).toBeLessThanOrEqual(64);
    expect(manifest.staticTabs[0].name.length).toBeLessThanOrEqual(128);
    for (const url of [tab.configurationUrl, manifest.staticTabs[0].contentUrl]) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.length).toBeLessThanOrEqual(2048);
      // Every tab URL's host must be one of validDomains (host only, no scheme).
      expect(manifest.validDomains).toContain(new URL(url.replace('{locale}', 'sv-se')).host);
    }
    expect(manifest.validDomains).toEqual(['samrad.test']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('refuses to build without an app id', async () => {
    await expect(run(process.execPath, ['scripts/teams-package.mjs', '--out', join(dir, 'x.zip')], { env: { PATH: process.env.PATH } })).rejects.toMatchObject({ code: 2 });
  });
});
