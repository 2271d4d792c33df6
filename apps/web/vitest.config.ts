import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Component tests in jsdom, with the same @app/domain files as the client (tsconfig.json's `paths`). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    // Ant Design renders slowly in jsdom on a cold start.
    testTimeout: 30_000,
  },
});
