import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// The pure deadline wording of libs/domain, shared with the e-mails: its own file only (its imports are pure
// too, see apps/web/src/lib/wording-imports.spec.ts), never @cb/domain's index with its Node-only modules.
const WORDING = fileURLToPath(
  new URL('../../libs/domain/src/contract/deadline-wording.ts', import.meta.url),
);
const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

/**
 * pdf.js needs character maps, standard fonts and wasm decoders for some PDFs. Serve them from our own origin
 * under /pdfjs/ (copied from pdfjs-dist into the build), never from a CDN.
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'contract-bank-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0])).replace(
          /^([/\\])+/,
          '',
        );
        const [dir] = rel.split(/[/\\]/);
        const file = join(pdfjsDir, rel);
        if (
          !PDFJS_ASSET_DIRS.includes(dir) ||
          !file.startsWith(pdfjsDir) ||
          !existsSync(file) ||
          !statSync(file).isFile()
        )
          return next();
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        const abs = join(pdfjsDir, dir);
        if (!existsSync(abs)) continue;
        for (const name of readdirSync(abs)) {
          const file = join(abs, name);
          if (!statSync(file).isFile() || name.endsWith('.md')) continue;
          this.emitFile({
            type: 'asset',
            fileName: `pdfjs/${dir}/${name}`,
            source: readFileSync(file),
          });
        }
      }
    },
  };
}

// The web UI is a plain client of the public REST API. In development the API runs on :3000 and Vite proxies /v1.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), pdfjsAssets()],
  resolve: {
    alias: [{ find: /^@cb\/domain\/wording$/, replacement: WORDING }],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Maps are written for debugging but not referenced from the bundles; the API serves them only outside
    // production.
    sourcemap: 'hidden',
    // pdf.js alone is ~1 MB; it is code-split onto the contract page, so only warn for really large chunks.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/v1': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/v1': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
