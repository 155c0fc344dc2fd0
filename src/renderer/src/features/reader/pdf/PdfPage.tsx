import type { PageInfo, QuoteColor } from '@shared/contract'
import {
  AbortException,
  AnnotationMode,
  type PDFPageProxy,
  RenderingCancelledException,
  TextLayer,
} from 'pdfjs-dist'
import { memo, type ReactNode, useEffect, useRef } from 'react'
import type { PageSource } from './page-source'
import { PAGE_ATTRIBUTE } from './page-text-map'

/** A saved quote's selection rectangles on this page (PDF units, top-left origin). */
export type PageMark = {
  key: string
  color: QuoteColor
  x: number
  y: number
  width: number
  height: number
}

type PdfPageProps = {
  source: PageSource
  info: PageInfo
  scale: number
  marks: readonly PageMark[]
  /** The page's text layer is in the DOM and may be mapped (or is being removed: `layer` null). */
  onTextLayer: (page: number, layer: HTMLElement | null, previous: HTMLElement) => void
  onError: (page: number, message: string) => void
  /** The page's canvas is drawn (a file whose pages all fail is told apart from one bad page). */
  onPainted: (page: number) => void
}

/**
 * One page: the canvas pdf.js paints and, over it, the transparent text layer that selection, find and quotes use.
 * Mounted only while near the view (PdfView virtualises); unmounting cancels any rendering still under way.
 */
export const PdfPage = memo(function PdfPage({
  source,
  info,
  scale,
  marks,
  onTextLayer,
  onError,
  onPainted,
}: PdfPageProps): ReactNode {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const layerRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const canvas = canvasRef.current
    const layer = layerRef.current
    if (!canvas || !layer) return
    let cancelled = false
    let renderTask: { cancel(): void } | null = null
    let textLayer: TextLayer | null = null
    let loaded: PDFPageProxy | null = null
    const run = async (): Promise<void> => {
      const page = await source.getPage(info.page)
      loaded = page
      if (cancelled) return
      const viewport = page.getViewport({ scale })
      const ratio = Math.min(2, window.devicePixelRatio || 1)
      canvas.width = Math.floor(viewport.width * ratio)
      canvas.height = Math.floor(viewport.height * ratio)
      const context = canvas.getContext('2d')
      if (!context) throw new Error('no canvas')
      layer.replaceChildren()
      textLayer = new TextLayer({
        textContentSource: page.streamTextContent(),
        container: layer,
        viewport,
      })
      // Text first (asked of the worker first): find, quotes and a search hit's passage need it.
      const text = textLayer.render()
      const painting = page.render({
        canvas,
        canvasContext: context,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        // Forms and links are not drawn as widgets and never act: a page is something to read.
        annotationMode: AnnotationMode.ENABLE,
      })
      renderTask = painting
      // Cancelled when the page scrolls away before it is painted: awaited below, or dropped quietly.
      const painted = painting.promise.catch((error: unknown) => {
        if (!(error instanceof RenderingCancelledException)) throw error
      })
      await text
      if (cancelled) return
      onTextLayer(info.page, layer, layer)
      await painted
      // Marks the page as drawn (benchmarks and tests wait for it).
      if (!cancelled) {
        canvas.dataset.painted = 'true'
        onPainted(info.page)
      }
    }
    const stopWaiting = source.pagesRest.whenQuiet(() => {
      run().catch((error: unknown) => {
        if (
          cancelled ||
          error instanceof RenderingCancelledException ||
          error instanceof AbortException
        )
          return
        onError(info.page, error instanceof Error ? error.message : String(error))
      })
    })
    return () => {
      cancelled = true
      stopWaiting()
      renderTask?.cancel()
      textLayer?.cancel()
      if (loaded) source.release(loaded)
      onTextLayer(info.page, null, layer)
    }
  }, [source, info.page, scale, onTextLayer, onError, onPainted])

  const width = info.width * scale
  const height = info.height * scale
  return (
    <section
      className="pdf-page"
      {...{ [PAGE_ATTRIBUTE]: info.page }}
      style={{ width, height, ['--total-scale-factor' as string]: scale }}
      aria-label={`Page ${info.label ?? info.page}`}
    >
      <canvas ref={canvasRef} style={{ width, height }} />
      <div className="pdf-marks" aria-hidden="true">
        {marks.map((mark) => (
          <div
            key={mark.key}
            className={`pdf-mark quote-mark-${mark.color}`}
            style={{
              left: mark.x * scale,
              top: mark.y * scale,
              width: mark.width * scale,
              height: mark.height * scale,
            }}
          />
        ))}
      </div>
      <div ref={layerRef} className="textLayer" />
    </section>
  )
})
