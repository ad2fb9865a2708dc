import { defineConfig } from 'vitest/config';

// `npm run bench` only: the benchmark is a long script run once, not part of `npm test`.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: [process.env.BENCH_FILE ?? 'tests/bench/bench.ts'],
    testTimeout: 1_800_000,
    fileParallelism: false,
    environment: 'node',
  },
});
