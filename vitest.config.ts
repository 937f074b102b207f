import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // The end-to-end tests drive real processes and tmux; give them room on a loaded CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // In CI, also write a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results.json' }]]
      : ['default'],
  },
});
