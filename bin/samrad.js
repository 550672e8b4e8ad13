#!/usr/bin/env node
// Runs the built JavaScript in dist/ (`npm run build`; `npm install` builds it) when it is there and no
// source is newer than the build; otherwise the TypeScript sources through tsx, so `npx samrad …`
// works right after a clone and while the sources are being edited. SAMRAD_TSX=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'src', 'cli.js');

/** The newest modification time under the source folders (0 when there are none, as in the image). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'adapters'));
  return newest;
}

function distIsFresh() {
  if (process.env.SAMRAD_TSX === '1') return false;
  const stamp = join(root, 'dist', '.built');
  if (!existsSync(built) || !existsSync(stamp)) return false;
  return newestSource() <= statSync(stamp).mtimeMs;
}

let main;
if (distIsFresh()) {
  ({ main } = await import('../dist/src/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
