import { test } from '@playwright/test'
import { hostClient } from '../tests/support/hostile/host-client'
import { hostileHtml, hostileMarkdown, hostileText } from '../tests/support/hostile/payloads'
import { startWebHost } from '../tests/e2e/support/web-host'

test('probe', async ({ page }) => {
  const host = await startWebHost()
  const client = hostClient(host.url)
  const paths = [await client.upload('hostile.html', hostileHtml()), await client.upload('hostile.md', hostileMarkdown()), await client.upload('hostile.txt', hostileText())]
  const { jobId } = await client.call<{ jobId: string }>('documents.import', { paths })
  const outcome = await client.call('jobs.wait', { jobId })
  console.log(JSON.stringify(outcome).slice(0, 600))
  const list = await client.call<{ documents: { id: number; title: string; format: string }[] }>('documents.list', {})
  console.log(JSON.stringify(list.documents.map((d) => [d.id, d.title, d.format])))
  const html = await client.call<{ html: string | null }>('documents.get', { id: list.documents.find((d) => d.format === 'html')!.id })
  console.log('HTML stored:', html.html?.slice(0, 3000))
  page.on('console', (m) => console.log('console', m.type(), m.text(), JSON.stringify(m.location())))
  await page.goto(host.url)
  await page.waitForTimeout(1000)
  console.log('rows', await page.getByRole('row').allTextContents())
  await page.getByRole('row').filter({ hasText: 'Hostile HTML' }).first().dblclick()
  await page.waitForTimeout(1500)
  console.log('reader html', (await page.locator('.reader').innerHTML()).slice(0, 1500))
  await host.stop()
})
