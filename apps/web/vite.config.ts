import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sizeReport } from './vite/size-report';

const api = process.env.API_URL ?? 'http://localhost:3000';

/** `npm run dev:web` proxies the API and socket.io to the platform; `npm run build:web` writes apps/web/dist. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Libraries' "use client" directives mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // The plain rule files of libs/domain (value lists, scoring), imported one file at a time: the alias is tsconfig.json's `paths`.
  resolve: { tsconfigPaths: true },
  plugins: [sizeReport('src/pages/ChallengeListPage.tsx')],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
    },
  },
});
