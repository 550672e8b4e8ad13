#!/usr/bin/env node
// `npm run bench`: the benchmarks in bench/ (TypeScript), run through tsx like bin/samrad.js.
import { register } from 'tsx/esm/api';

register();
await import('../bench/index.ts');
