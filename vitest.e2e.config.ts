import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One retry: on a shared 2-core machine a browser test that races the service worker being stopped
    // (intake durability) or Firefox's start-up can miss once; a test that fails twice fails the run.
    retry: 1,
    environment: 'node',
  },
});
