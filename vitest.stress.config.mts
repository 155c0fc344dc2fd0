import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/** Slow tests (large files, load, random-kill loops): `npm run test:stress`, never part of `npm test`. */
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['tests/stress/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One file at a time: each one measures time and memory on a shared 2-core machine.
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
  },
})
