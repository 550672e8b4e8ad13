#!/usr/bin/env node
// `npm run build`, and npm's `prepare` (so `npm install` and `npm ci` build): compiles src/ and
// adapters/ to dist/ with tsc and stamps the result. Where TypeScript is not installed (an install
// without dev dependencies) it says so and leaves dist/ as it is: bin/samrad.js then runs the
// sources through tsx, so `npm start` works either way.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('samrad build: typescript is not installed; skipped (bin/samrad.js runs the sources through tsx)\n');
  process.exit(0);
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
// bin/samrad.js runs dist/ only while no source is newer than this stamp.
writeFileSync(new URL('../dist/.built', import.meta.url), `${new Date().toISOString()}\n`);
