// Where the package's own files (config/, migrations/) lie, whether this module runs as TypeScript
// from src/ (tsx, vitest) or as built JavaScript from dist/src/ (npm start, the container).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = dirname(fileURLToPath(from)); ; ) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`samrad: no package root above ${from}`);
    dir = up;
  }
}

/** The directory holding package.json, config/ and migrations/. */
export const PACKAGE_ROOT = findRoot(import.meta.url);
