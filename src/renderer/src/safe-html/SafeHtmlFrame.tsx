import { type ReactNode, useEffect, useMemo, useRef } from 'react'
import { getShell } from '../platform/shell'
import { buildFrameDocument } from './frame-document'
import { watchFailingImages } from './missing-images'
import { filesSourceOf } from './purify-config'
import { type PartUrl, sanitizeDocumentHtml } from './sanitize'
import { trustSanitizedHtml } from './trusted-types'
import { markWideBlocks } from './wide-blocks'

type SafeHtmlFrameProps = {
  /** A document's stored (already sanitized once) HTML. Treated as hostile all the same. */
  html: string
  language: string | null
  title: string
  fontSize: number
  /** Where images inside the document's stored original are served (EPUB/DOCX figures); null shows none. */
  partUrl?: PartUrl | null
  /** Keep the MathML of converted equations (DOCX documents). */
  math?: boolean
  /** Called with the frame's document once it has loaded (for selection, highlights and find). */
  onReady: (frameDocument: Document | null) => void
}

/**
 * Untrusted HTML's only way into the page: sanitized again here with DOMPurify in the real DOM, then shown in an
 * `<iframe srcdoc>` sandboxed WITHOUT `allow-scripts` (so nothing in it can run, even if the sanitizer missed
 * something), under its own CSP. `allow-same-origin` lets the reader read the selection to make quotes; together
 * with `allow-scripts` it would let content lift its own sandbox, which is why scripts stay off for good.
 */
export function SafeHtmlFrame({
  html,
  language,
  title,
  fontSize,
  partUrl = null,
  math = false,
  onReady,
}: SafeHtmlFrameProps): ReactNode {
  const ref = useRef<HTMLIFrameElement>(null)
  const srcdoc = useMemo(() => {
    // Images are only rewritten when the frame's CSP can name exactly where they come from.
    const filesSource = partUrl ? filesSourceOf(partUrl) : null
    const body = sanitizeDocumentHtml(html, filesSource ? partUrl : null, math)
    return buildFrameDocument(body, language, filesSource, title)
  }, [html, language, partUrl, math, title])
  const readyRef = useRef(onReady)
  readyRef.current = onReady
  const fontSizeRef = useRef(fontSize)
  fontSizeRef.current = fontSize

  useEffect(() => {
    const frame = ref.current
    if (!frame) return
    let detach = (): void => {}
    const onLoad = (): void => {
      const frameDocument = frame.contentDocument
      if (!frameDocument) return
      frameDocument.documentElement.style.setProperty('--reader-size', `${fontSizeRef.current}px`)
      detach = attachFrameBehaviour(frameDocument)
      readyRef.current(frameDocument)
    }
    frame.addEventListener('load', onLoad)
    frame.srcdoc = trustSanitizedHtml(srcdoc)
    return () => {
      frame.removeEventListener('load', onLoad)
      detach()
      readyRef.current(null)
    }
  }, [srcdoc])

  useEffect(() => {
    // Before the srcdoc has loaded the frame's document can have no root element yet.
    ref.current?.contentDocument?.documentElement?.style.setProperty(
      '--reader-size',
      `${fontSize}px`,
    )
  })

  // Another font size can make an equation overflow, or fit (only then: the query walks the whole document).
  // biome-ignore lint/correctness/useExhaustiveDependencies: fontSize reaches the frame through its CSS property (above); this re-measures after it
  useEffect(() => {
    const frameDocument = ref.current?.contentDocument
    if (frameDocument?.documentElement) markWideBlocks(frameDocument)
  }, [fontSize])

  return (
    <iframe
      ref={ref}
      className="document-frame"
      title={title}
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
    />
  )
}

/**
 * Links never navigate the frame: in-page anchors scroll, http(s)/mailto go to the system browser through the
 * shell's allowlist, everything else does nothing. Keys typed in the frame reach the app's shortcuts.
 */
function attachFrameBehaviour(frameDocument: Document): () => void {
  const onClick = (event: MouseEvent): void => {
    const target = event.target
    const anchor =
      target && 'closest' in (target as object) ? (target as Element).closest('a[href]') : null
    if (!anchor) return
    event.preventDefault()
    const href = anchor.getAttribute('href') ?? ''
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1))
      frameDocument.getElementById(id)?.scrollIntoView({ block: 'start' })
      return
    }
    if (/^(?:https?:|mailto:)/i.test(href)) void getShell().openExternal(href)
  }
  const onSubmit = (event: Event): void => event.preventDefault()
  const view = frameDocument.defaultView
  const onResize = (): void => markWideBlocks(frameDocument)
  markWideBlocks(frameDocument)
  view?.addEventListener('resize', onResize)
  const unwatchImages = watchFailingImages(frameDocument)
  const onKeyDown = (event: KeyboardEvent): void => {
    const forwarded = new KeyboardEvent('keydown', {
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      bubbles: true,
      cancelable: true,
    })
    window.dispatchEvent(forwarded)
    if (forwarded.defaultPrevented) event.preventDefault()
  }
  frameDocument.addEventListener('click', onClick, true)
  frameDocument.addEventListener('submit', onSubmit, true)
  frameDocument.addEventListener('keydown', onKeyDown)
  return () => {
    frameDocument.removeEventListener('click', onClick, true)
    frameDocument.removeEventListener('submit', onSubmit, true)
    frameDocument.removeEventListener('keydown', onKeyDown)
    view?.removeEventListener('resize', onResize)
    unwatchImages()
  }
}
