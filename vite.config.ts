import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle loaded from app://newsmark/ in Electron and from a routed
// origin in the browser host; relative paths make both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    modulePreload: { polyfill: false },
    // A desktop app loads from disk: one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
