import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { LecternApp } from '../pages/LecternApp'
import { type SeedOptions, seedLibrary } from './seed-library'
import { type RunningHost, startWebHost } from './web-host'

type Fixtures = {
  /** Documents to put in the library before the host starts (`test.use({ seed: ... })`); none by default. */
  seed: Omit<SeedOptions, 'libraryDir'> | null
  /** A web host on a fresh temporary library, for this test alone. */
  host: RunningHost
  /** The app opened in the page; the test fails on console errors or requests leaving the host. */
  app: LecternApp
}

export const test = base.extend<Fixtures>({
  seed: [null, { option: true }],
  host: async ({ seed }, use) => {
    const dir = seed ? mkdtempSync(join(tmpdir(), 'lectern-e2e-seeded-')) : null
    if (seed && dir) seedLibrary({ ...seed, libraryDir: join(dir, 'library') })
    const host = await startWebHost(dir ? { libraryDir: join(dir, 'library') } : {})
    await use(host)
    await host.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  },
  app: async ({ page, host, trace }, use) => {
    const problems: string[] = []
    const tracing = (typeof trace === 'string' ? trace : trace.mode) !== 'off'
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // Playwright's trace recorder injects a script into every frame; the document frame's sandbox (no
      // allow-scripts) refuses it and says so. Only ignored while tracing: without a trace, no script may even try.
      if (tracing && /^Blocked script execution in 'about:(?:blank|srcdoc)'/.test(message.text()))
        return
      problems.push(`console error: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(host.origin) && !/^(?:data|blob|about):/.test(url)) {
        problems.push(`request left the host: ${url}`)
      }
    })
    const app = new LecternApp(page)
    await app.open(host.url)
    await use(app)
    expect(problems, 'no console errors, page errors or outside requests').toEqual([])
  },
})

export { expect }
