import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev`: the console on http://127.0.0.1:5173/console/ with /api proxied to the API (GOVFLOW_API, default :3000).
const api = process.env.GOVFLOW_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunk graph scripts/bundle-report.mjs sums per route.
    manifest: true,
    // No inline module-preload polyfill or data: URLs for scripts: the API's CSP allows only script files from 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks: a console change does not re-download React or Ant Design.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          // Imported by the dashboard page alone, so only that route downloads it.
          if (/node_modules\/(echarts|zrender|echarts-for-react)\//.test(id)) return 'echarts';
          return undefined;
        },
      },
    },
  },
});
