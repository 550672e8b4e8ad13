#!/usr/bin/env node
// Builds the Teams app package to sideload: teams/manifest.json with the bot's app id (and public
// URL) filled in, plus the two icons, zipped into dist/samrad-teams.zip. Plain node, no packages:
// a minimal zip writer (stored entries, CRC-32) is all a Teams package needs.
//
//   node scripts/teams-package.mjs [--app-id <guid>] [--public-url https://…] [--out dist/samrad-teams.zip]
//
// A build tool, not the app: it falls back to the same variables the bot reads (MicrosoftAppId,
// SAMRAD_PUBLIC_URL) so that `npm run teams:package` works in the shell that runs the bot.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'app-id': { type: 'string' }, 'public-url': { type: 'string' }, out: { type: 'string' } } });
const appId = values['app-id'] ?? process.env.MicrosoftAppId ?? '';
const publicUrl = (values['public-url'] ?? process.env.SAMRAD_PUBLIC_URL ?? 'https://example.org/samrad').replace(/\/+$/, '');
const out = resolve(values.out ?? join(root, 'dist', 'samrad-teams.zip'));

if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
  process.stderr.write('teams-package: give the bot\'s app id (a GUID) with --app-id or MicrosoftAppId\n');
  process.exit(2);
}
if (!/^https:\/\/[^\s]+$/.test(publicUrl)) {
  process.stderr.write(`teams-package: the public URL must start with https:// (got "${publicUrl}")\n`);
  process.exit(2);
}

const manifestText = readFileSync(join(root, 'teams', 'manifest.json'), 'utf8').replaceAll('${{MICROSOFT_APP_ID}}', appId).replaceAll('${{PUBLIC_URL}}', publicUrl).replaceAll('${{PUBLIC_HOST}}', new URL(publicUrl).host);
JSON.parse(manifestText); // a broken template fails here, not in the Teams admin centre

const files = [
  ['manifest.json', Buffer.from(manifestText, 'utf8')],
  ['color.png', readFileSync(join(root, 'teams', 'color.png'))],
  ['outline.png', readFileSync(join(root, 'teams', 'outline.png'))],
];

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip(files));
process.stdout.write(`wrote ${out} (app id ${appId})\n`);

/** A zip archive of stored (uncompressed) entries; enough for Teams and every unzip. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // 1980-01-01 00:00, so the same input gives the same bytes.
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
