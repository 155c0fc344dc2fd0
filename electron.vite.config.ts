import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

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
    plugins: [react()],
    // The palette's FlexSearch worker is an ES module (loaded with { type: 'module' }).
    worker: { format: 'es' },
    build: { minify: true },
  },
})
