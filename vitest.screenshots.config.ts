import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: pictures for the store and the README, from the built extension (not part of `npm test`). */
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/screenshots/**/*.shots.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    environment: 'node',
  },
});
