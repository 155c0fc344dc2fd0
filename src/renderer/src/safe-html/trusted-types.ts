/**
 * The page's only HTML sink policy (Trusted Types). The CSP allows exactly this policy (and DOMPurify's own), so
 * any other `innerHTML`/`srcdoc` assignment in the renderer fails loudly instead of becoming an XSS sink.
 */
type HtmlPolicy = { createHTML(input: string): string }

type TrustedTypesGlobal = {
  createPolicy(name: string, rules: { createHTML(input: string): string }): HtmlPolicy
}

const POLICY_NAME = 'lectern-safe-html'

let policy: HtmlPolicy | null = null

/**
 * Wrap HTML that has already been sanitized by `sanitizeDocumentHtml` (and wrapped in the fixed frame shell) for a
 * sink. Callers outside this folder cannot reach it.
 */
export function trustSanitizedHtml(html: string): string {
  const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypesGlobal }).trustedTypes
  if (!trustedTypes) return html
  policy ??= trustedTypes.createPolicy(POLICY_NAME, { createHTML: (input) => input })
  return policy.createHTML(html)
}
