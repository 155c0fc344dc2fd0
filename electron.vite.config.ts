import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * pdf.js's standard fonts and CMaps next to the renderer (`pdfjs/`), so a PDF that does not embed its fonts renders
 * with these and never with anything fetched from elsewhere (features/reader/pdf/pdf-engine.ts).
 */
function pdfjsAssets(): Plugin {
  let outDir = ''
  return {
    name: 'lectern-pdfjs-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    writeBundle() {
      const from = resolve(__dirname, 'node_modules/pdfjs-dist')
      for (const folder of ['standard_fonts', 'cmaps']) {
        cpSync(resolve(from, folder), resolve(outDir, 'pdfjs', folder), { recursive: true })
      }
    },
  }
}

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // Every "dependencies" entry stays require()d (better-sqlite3 must never be bundled), except eld: ES modules
      // only, so it is bundled into a lazily loaded chunk (src/main/importers/language.ts).
      externalizeDeps: { exclude: ['eld'] },
      rolldownOptions: {
        external: ['better-sqlite3'],
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'web-host': resolve(__dirname, 'src/main/web/main.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          'import-worker': resolve(__dirname, 'src/main/importers/worker/import-worker.ts'),
          'verify-worker': resolve(__dirname, 'src/main/db/verify-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: { externalizeDeps: false }, // a sandboxed preload can only require('electron'): bundle the rest
  },
  renderer: {
    resolve: { alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react(), pdfjsAssets()],
    // The palette's FlexSearch worker is an ES module (loaded with { type: 'module' }).
    worker: { format: 'es' },
    build: { minify: true },
  },
})
