import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    environmentOptions: {
      // Fixture pages reference the platforms' scripts, styles and frames: load none of them.
      happyDOM: {
        settings: {
          disableJavaScriptFileLoading: true,
          disableJavaScriptEvaluation: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
          navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
        },
      },
    },
    restoreMocks: true,
    // Shared 2-core machines: a test that reads real pages, spawns Python or starts DuckDB can take
    // several seconds under load (5 s timed out at load 15-20); the assertions do not depend on it.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
