import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Served by the Quarkus server at "/" (Quinoa). In `npm run dev`, API, config, feeds and public
// pages are proxied to a locally running server on :8080.
const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    // The desk, and the page the silent sign-in's iframe lands on (src/auth.ts).
    rollupOptions: { input: { index: 'index.html', silent: 'silent-renew.html' } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/config.json': backend,
      '/feeds': backend,
      '/fact-checks': backend,
      '/audit': backend,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
