// Writes the command table in README.md from the command specs: `npm run docs:commands`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withCommandTable } from '../src/core/commands/table.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(path, 'utf8');
const after = withCommandTable(before);
if (after === before) console.log('README.md: the command table is up to date');
else {
  writeFileSync(path, after);
  console.log('README.md: command table written');
}
