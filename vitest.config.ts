import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The longest files start first, so neither worker is left with one of them at the end (on a fresh
// clone vitest has no timings yet and would keep the glob order, which puts the e2e files last).
const SLOW_FIRST = ['tests/e2e/shell', 'tests/e2e/shutdown', 'tests/core/corpus', 'tests/core/scheduler', 'tests/core/meetings', 'tests/core/report', 'tests/browser/pages'];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((p) => f.moduleId.includes(`/${p}`));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((f, i) => ({ f, i, r: rank(f) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.f);
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // PGlite is memory-hungry (~300–800 MB an instance): two files at a time fits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    sequence: { sequencer: SlowFirst },
  },
});
