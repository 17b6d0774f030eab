import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Copies manifest.xml into dist (the API rewrites its dev origin when serving it). */
const manifest = (): Plugin => ({
  name: 'trueup-manifest',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'manifest.xml',
      source: readFileSync(here('./manifest.xml'), 'utf8'),
    });
  },
});

// Built files are served by the API at /addin/ (relative base); office.js comes from
// Microsoft's CDN (script tag in taskpane.html), never bundled.
export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('./public'),
  plugins: [manifest()],
  build: {
    // dist/ also holds tsc's output (dist/model is imported by the API's XLSX export).
    outDir: here('./dist/addin'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: {
        taskpane: here('./taskpane.html'),
        functions: here('./src/functions/register.ts'),
      },
      output: {
        // The manifest names functions.js; everything else is content-hashed.
        entryFileNames: (chunk) =>
          chunk.name === 'functions' ? 'functions.js' : 'assets/[name]-[hash].js',
      },
    },
  },
});
