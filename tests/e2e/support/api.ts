import type { Page } from '@playwright/test'
import type { RunningHost } from './web-host'

/**
 * Call the web host's API from the page (same origin, with the token), to set up data a test is not about. Throws
 * the API's message when the call fails.
 */
export async function callApi<T>(
  page: Page,
  host: RunningHost,
  method: string,
  args: unknown,
): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, args, token }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lectern-Token': token },
        body: JSON.stringify(args),
      })
      return (await response.json()) as {
        ok: boolean
        value?: unknown
        error?: { message: string }
      }
    },
    { method, args, token: host.token },
  )
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`)
  return envelope.value as T
}
