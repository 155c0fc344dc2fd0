/**
 * Hostile documents in the real renderer (issue 7 §3, SECURITY.md §7 checks 11–15): a corpus of hostile HTML,
 * Markdown, SVG, text and metadata is imported through the web host's API, then shown in the reader, the library,
 * search results, the tags sidebar, the quotes panel and compare. Nothing may run (no `__pwned`, no dialog), nothing
 * may leave the host's origin, hostile links must be inert, the viewer iframe must be sandboxed without scripts, and
 * the page must have no Node globals.
 */
import type { Page } from '@playwright/test'
import { manyPagesPdf, textPdf } from '../../scripts/gen-hostile-fixtures'
import { hostClient } from '../support/hostile/host-client'
import {
  HOSTILE_WORD,
  hostileHtml,
  hostileMarkdown,
  hostileSvg,
  hostileText,
  METADATA_PAYLOADS,
} from '../support/hostile/payloads'
import { hostileMathDocx } from '../support/math-docx'
import { LecternApp } from './pages/LecternApp'
import { expect, test } from './support/fixtures'

/**
 * Playwright itself makes Chromium log this for every sandboxed frame it attaches to (microsoft/playwright#33343),
 * so the shared fixture's "no console errors" rule cannot be used here. The frame's DOM is inspected instead: no
 * `on*` attribute or script element exists there for the sandbox to block.
 */
const PLAYWRIGHT_SANDBOX_NOISE =
  /^Blocked script execution in 'about:(?:blank|srcdoc)' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/

type Summary = { id: number; title: string; format: string }

/** Everything that would show a script ran, in the page and in every frame it can reach. */
async function scriptTraces(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    const frames = [...document.querySelectorAll('iframe')].map((frame) => {
      try {
        const inner = frame.contentWindow as unknown as Record<string, unknown> | null
        return inner?.__pwned ?? null
      } catch {
        return 'unreachable'
      }
    })
    return {
      top: w.__pwned ?? null,
      bodyMarker: document.body.dataset.pwned ?? null,
      frames: frames.filter((f) => f !== null),
      nodeGlobals: ['require', 'process', 'module', 'Buffer', 'global'].filter(
        (name) => typeof w[name] !== 'undefined',
      ),
    }
  })
}

/** What the reader's isolated frame contains (run in the page; the frame is same-origin but runs no script). */
function inspectViewer() {
  const frame = document.querySelector<HTMLIFrameElement>('.reader iframe')
  if (!frame) return null
  const doc = frame.contentDocument
  const body = doc?.body
  if (!doc || !body) return { sandbox: frame.getAttribute('sandbox'), empty: true }
  const elements = [...body.querySelectorAll('*')]
  const onAttributes = elements.flatMap((el) =>
    [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
  )
  const forbiddenTags = new Set([
    'SCRIPT',
    'IFRAME',
    'FRAME',
    'OBJECT',
    'EMBED',
    'BASE',
    'META',
    'FORM',
    'INPUT',
    'BUTTON',
    'STYLE',
    'LINK',
    'TEMPLATE',
    'NOSCRIPT',
    'svg',
    'math',
  ])
  const forbidden = elements.filter((el) => forbiddenTags.has(el.tagName)).map((el) => el.tagName)
  const urlAttributes = [
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'poster',
    'background',
    'srcset',
    'data',
  ]
  // getAttribute returns the value after entity decoding; drop the whitespace and controls browsers ignore.
  const normalise = (value: string): string => value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()
  const dangerous = (v: string): boolean =>
    v.startsWith('javascript:') ||
    v.startsWith('vbscript:') ||
    v.startsWith('data:text/html') ||
    v.startsWith('file:') ||
    v.startsWith('\\\\')
  // Any URL attribute with a dangerous scheme; any attribute that would LOAD something from outside.
  const badUrls = elements.flatMap((el) =>
    urlAttributes.flatMap((name) => {
      const value = el.getAttribute(name)
      if (value === null) return []
      const v = normalise(value)
      const loads = name !== 'href' || el.tagName !== 'A'
      return dangerous(v) || (loads && /^(https?:)?\/\//.test(v))
        ? [`${el.tagName}[${name}=${value}]`]
        : []
    }),
  )
  const styleUrls = elements
    .map((el) => el.getAttribute('style') ?? '')
    .filter((style) => /url\(/i.test(style))
  return {
    sandbox: frame.getAttribute('sandbox'),
    location: frame.contentWindow?.location.href ?? null,
    onAttributes,
    forbidden,
    badUrls,
    styleUrls,
    text: body.textContent ?? '',
    inPageAnchor:
      [...body.querySelectorAll('a')]
        .find((a) => a.textContent === 'in-page anchor')
        ?.getAttribute('href') ?? null,
    counts: {
      em: body.querySelectorAll('em').length,
      li: body.querySelectorAll('li').length,
      td: body.querySelectorAll('td, th').length,
      code: body.querySelectorAll('code').length,
    },
    links: [...body.querySelectorAll('a')].map((a) => {
      const frameBox = frame.getBoundingClientRect()
      const box = a.getBoundingClientRect()
      return {
        text: a.textContent ?? '',
        x: frameBox.left + box.left + Math.min(box.width / 2, 20),
        y: frameBox.top + box.top + box.height / 2,
        visible: box.width > 0 && box.height > 0,
      }
    }),
  }
}

test.describe('hostile documents in the real renderer', () => {
  test('no script runs, nothing leaves the origin, and hostile links are inert', async ({
    host,
    page,
    context,
  }) => {
    test.setTimeout(180_000)
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !PLAYWRIGHT_SANDBOX_NOISE.test(message.text()))
        consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`))
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const outside: string[] = []
    context.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(host.origin) && !/^(?:data|blob|about):/.test(url)) outside.push(url)
    })
    const popups: string[] = []
    context.on('page', (popup) => popups.push(popup.url()))
    const expectClean = async (where: string): Promise<void> => {
      expect(await scriptTraces(page), `${where}: no script traces`).toEqual({
        top: null,
        bodyMarker: null,
        frames: [],
        nodeGlobals: [],
      })
      expect(dialogs, `${where}: no dialog`).toEqual([])
      expect(outside, `${where}: no request left ${host.origin}`).toEqual([])
      expect(popups, `${where}: no window opened`).toEqual([])
      expect(
        consoleErrors,
        `${where}: no console errors (CSP or Trusted Types violations)`,
      ).toEqual([])
    }
    const app = new LecternApp(page)
    /** Open a document from the library by keyboard (select its row, Enter). */
    const openFromLibrary = async (title: string): Promise<void> => {
      await app.row(title).first().click()
      await page.keyboard.press('Enter')
      await expect(app.reader.region).toBeVisible()
    }

    await test.step('import the hostile corpus through the API', async () => {
      const client = hostClient(host.url)
      const paths = [
        await client.upload('hostile.html', hostileHtml()),
        await client.upload('hostile.md', hostileMarkdown()),
        await client.upload('hostile.txt', hostileText()),
        await client.upload('hostile.svg', hostileSvg()),
        // Equations keep their MathML in the reader: markup typed into them, a javascript: link around a math run.
        await client.upload('hostile-equations.docx', await hostileMathDocx(HOSTILE_WORD)),
      ]
      const { jobId } = await client.call<{ jobId: string }>('documents.import', { paths })
      const outcome = await client.call<{
        status: string
        result?: { imported: number; results: { path: string; status: string }[] }
      }>('jobs.wait', { jobId })
      expect(outcome.status).toBe('done')
      // The three text formats import; the SVG is refused or imported as inert text, never rendered as SVG.
      expect(outcome.result?.imported).toBeGreaterThanOrEqual(3)

      const { documents } = await client.call<{ documents: Summary[] }>('documents.list', {})
      const ids = documents.map((d) => d.id)
      const text = documents.find((d) => d.format === 'txt') as Summary
      await client.call('documents.update', {
        id: text.id,
        patch: {
          title: METADATA_PAYLOADS.title,
          authors: [METADATA_PAYLOADS.author],
          source: METADATA_PAYLOADS.source,
        },
      })
      await client.call('tags.addToDocuments', { documentIds: ids, names: [METADATA_PAYLOADS.tag] })
      const sentences: Record<string, string> = {
        html: 'This sentence is long enough to quote safely.',
        md: 'This second sentence is also long enough to quote.',
        txt: 'This plain sentence can be quoted safely.',
      }
      for (const doc of documents) {
        const sentence = sentences[doc.format]
        if (!sentence) continue
        await client.call('quotes.create', {
          documentId: doc.id,
          text: sentence,
          note: METADATA_PAYLOADS.note,
          tags: [METADATA_PAYLOADS.tag],
        })
      }
      await app.open(host.url)
    })

    await test.step('library list and tags sidebar show metadata as text', async () => {
      await expect(app.row(METADATA_PAYLOADS.title)).toBeVisible()
      await expect(page.getByRole('region', { name: 'Tags' })).toContainText(METADATA_PAYLOADS.tag)
      await expectClean('library')
    })

    for (const kind of ['Hostile HTML', 'Hostile Markdown'] as const) {
      await test.step(`${kind} in the reader`, async () => {
        await openFromLibrary(kind)
        await expect(app.reader.heading()).toContainText(kind)
        await app.reader.waitForText(HOSTILE_WORD)
        await page.waitForTimeout(500) // give any payload (timers, onload, refresh) a chance to fire
        const viewer = await page.evaluate(inspectViewer)
        expect(viewer, 'the document is shown in an isolated frame').not.toBeNull()
        if (!viewer || 'empty' in viewer) throw new Error(`${kind}: viewer frame has no body`)
        const sandbox = (viewer.sandbox ?? '').split(/\s+/).filter(Boolean)
        expect(viewer.sandbox, 'sandbox attribute present').not.toBeNull()
        expect(sandbox).not.toContain('allow-scripts')
        expect(sandbox).not.toContain('allow-top-navigation')
        expect(sandbox).not.toContain('allow-popups')
        expect(sandbox).not.toContain('allow-forms')
        expect(viewer.onAttributes).toEqual([])
        expect(viewer.forbidden).toEqual([])
        expect(viewer.badUrls).toEqual([])
        expect(viewer.styleUrls).toEqual([])
        // Benign content survives.
        expect(viewer.text).toContain('emphasis survives')
        expect(viewer.text).toContain('first list item')
        expect(viewer.text).toContain('body cell')
        expect(viewer.text).toContain('element.onclick = "not run"')
        expect(viewer.text).toContain('M&Ms')
        expect(viewer.counts.em).toBeGreaterThan(0)
        expect(viewer.counts.li).toBeGreaterThanOrEqual(2)
        expect(viewer.counts.td).toBeGreaterThanOrEqual(1)
        expect(viewer.counts.code).toBeGreaterThanOrEqual(1)
        // In-page anchors keep working (a hostile <base href> must not re-point them).
        if (kind === 'Hostile HTML')
          expect.soft(viewer.inPageAnchor, 'in-page anchor').toBe('#section')
        await expectClean(`${kind} reader`)

        // Click every hostile link as a person would: nothing navigates, nothing runs, nothing opens.
        const pageUrl = page.url()
        for (const link of viewer.links.filter((l) => l.visible && /hostile link/.test(l.text))) {
          await page.mouse.click(link.x, link.y)
          await page.waitForTimeout(50)
          expect(page.url(), `after clicking ${link.text}`).toBe(pageUrl)
          const location = await page.evaluate(
            () =>
              document.querySelector<HTMLIFrameElement>('.reader iframe')?.contentWindow?.location
                .href,
          )
          expect(location, `viewer location after clicking ${link.text}`).toBe(viewer.location)
        }
        await expectClean(`${kind} links clicked`)
        await app.open(host.url)
      })
    }

    await test.step('a DOCX whose equations carry markup and a javascript: link: MathML shown, nothing runs', async () => {
      await openFromLibrary(`Hostile equations ${HOSTILE_WORD}`)
      await app.reader.waitForText('is shown as text')
      await page.waitForTimeout(500)
      const viewer = await page.evaluate(inspectViewer)
      if (!viewer || 'empty' in viewer) throw new Error('equations: viewer frame has no body')
      expect((viewer.sandbox ?? '').split(/\s+/)).not.toContain('allow-scripts')
      expect(viewer.onAttributes).toEqual([])
      expect(viewer.badUrls).toEqual([])
      expect(viewer.styleUrls).toEqual([])
      // MathML is expected here (and only here); nothing else on the forbidden list.
      expect(viewer.forbidden.filter((tag) => tag !== 'math')).toEqual([])
      const math = await page.evaluate(() => {
        const body =
          document.querySelector<HTMLIFrameElement>('.reader iframe')?.contentDocument?.body
        const inside = [...(body?.querySelectorAll('math, math *') ?? [])]
        return {
          count: body?.querySelectorAll('math').length ?? 0,
          tags: [...new Set(inside.map((el) => el.localName))].sort(),
          attributes: [
            ...new Set(inside.flatMap((el) => [...el.attributes].map((a) => a.name))),
          ].sort(),
          text: body?.querySelector('math')?.textContent ?? '',
        }
      })
      expect(math.count).toBe(1)
      expect(math.tags.filter((tag) => !/^m(?:ath|i|n|o|row|frac|space|text)$/.test(tag))).toEqual(
        [],
      )
      expect(math.attributes.filter((a) => /^on|href|src|style|xlink/i.test(a))).toEqual([])
      expect(math.text).toContain('onerror="top.__pwned=1"') // the typed markup, as characters
      await expectClean('equations reader')
      await app.open(host.url)
    })

    await test.step('plain text that looks like markup stays text', async () => {
      await openFromLibrary(METADATA_PAYLOADS.title)
      await app.reader.waitForText('stays literal text')
      const reader = app.reader.region
      await expect(reader).toContainText('<script>top.__pwned=1</script>')
      await expect(reader.getByRole('heading', { level: 1 })).toContainText('<img src=x')
      expect(await reader.locator('script, img[onerror], svg').count()).toBe(0)
      await expectClean('text reader')
      await app.open(host.url)
    })

    await test.step('search results and snippets render payloads as text', async () => {
      await app.search(HOSTILE_WORD)
      await expect(app.results).toContainText(METADATA_PAYLOADS.title.slice(0, 20))
      expect(await app.results.locator('script, img[onerror], svg, iframe').count()).toBe(0)
      await expectClean('search results')
      await app.searchBox.fill('')
    })

    await test.step('quotes panel shows notes and tags as text', async () => {
      const quotes = app.quotes.region
      await expect(quotes).toContainText('This sentence is long enough to quote safely.')
      await expect(quotes).toContainText('Note <img src=x onerror=')
      expect(await quotes.locator('script, img[onerror], svg[onload], iframe').count()).toBe(0)
      await expectClean('quotes panel')
    })

    await test.step('compare shows hostile quotes inert', async () => {
      await app.quotes.select('This sentence is long enough to quote safely.')
      await app.quotes.select('This plain sentence can be quoted safely.')
      await app.quotes.compare()
      const main = page.locator('main')
      await expect(main).toContainText('Comparison 2 quotes')
      await expect(main).toContainText('This sentence is long enough to quote safely.')
      await expect(main).toContainText('Title <img src=x')
      expect(await main.locator('script, img[onerror], svg[onload], iframe').count()).toBe(0)
      await page.waitForTimeout(300)
      await expectClean('compare')
    })
  })
})

test.describe('hostile PDFs in the page view', () => {
  test('a PDF with JavaScript actions, a form submit to a remote address, an XFA form and a non-embedded font shows its page and nothing runs or leaves; 2,000 pages open at once', async ({
    host,
    page,
    context,
  }) => {
    test.setTimeout(180_000)
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !PLAYWRIGHT_SANDBOX_NOISE.test(message.text()))
        problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    context.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(host.origin) && !/^(?:data|blob|about):/.test(url))
        problems.push(`request left the host: ${url}`)
    })
    context.on('page', (popup) => problems.push(`window opened: ${popup.url()}`))

    const hostile = textPdf(['A hostile page whose words must still be shown.'], {
      title: 'Hostile PDF',
      // Open action and page actions in JavaScript, an XFA form, a link annotation to a remote address.
      catalogExtra:
        '/OpenAction 6 0 R /AA << /WC 6 0 R /WP 6 0 R >> /AcroForm << /XFA 7 0 R /Fields [] >> /Names << /JavaScript << /Names [(x) 6 0 R] >> >>',
      extraObjects: [
        "<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\); this.submitForm\\('http://example.invalid/'\\);) >>",
        '<< /Length 44 >>\nstream\n<xdp:xdp><template><script>1</script></template>\nendstream',
      ],
    })
    const client = hostClient(host.url)
    const paths = [
      await client.upload('hostile.pdf', hostile),
      await client.upload('many-pages.pdf', manyPagesPdf(2000)),
    ]
    const { jobId } = await client.call<{ jobId: string }>('documents.import', { paths })
    const outcome = await client.call<{ status: string; result?: { imported: number } }>(
      'jobs.wait',
      { jobId },
    )
    expect(outcome.result?.imported).toBe(2)

    const app = new LecternApp(page)
    await app.open(host.url)
    await app.library.getByRole('button', { name: 'Hostile PDF' }).click()
    const pages = page.getByRole('region', { name: /^Pages of / })
    await expect(pages.locator('.textLayer span', { hasText: 'hostile page' })).toBeVisible({
      timeout: 30_000,
    })
    // Clicking around the page (where a widget or link would be) does nothing either.
    await pages
      .locator('.pdf-page')
      .first()
      .click({ position: { x: 100, y: 60 } })
    await page.waitForTimeout(500)
    expect(problems).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(
      undefined,
    )

    // 2,000 pages: the first page is there within a second of the pages view appearing, and only a few are in the DOM.
    await page.getByRole('button', { name: '← Back' }).click()
    await app.library.getByRole('button', { name: 'Many pages' }).click()
    await expect(pages).toBeVisible()
    const appeared = Date.now()
    await expect(pages.locator('.textLayer span', { hasText: 'Page 1 of' }).first()).toBeAttached({
      timeout: 30_000,
    })
    const firstPageMs = Date.now() - appeared
    test
      .info()
      .annotations.push({ type: 'first page of 2,000 (ms)', description: String(firstPageMs) })
    expect(await pages.locator('.pdf-page').count()).toBeLessThan(8)
    await page.getByRole('textbox', { name: 'Page number' }).fill('1500')
    await page.getByRole('textbox', { name: 'Page number' }).press('Enter')
    await expect(pages.locator('.textLayer span', { hasText: 'Page 1500 of' })).toBeVisible({
      timeout: 30_000,
    })
    expect(await pages.locator('.pdf-page').count()).toBeLessThan(8)
    expect(problems).toEqual([])
  })
})
