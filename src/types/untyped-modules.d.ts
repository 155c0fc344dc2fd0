/**
 * Declarations for packages that ship no types. Only what Lectern calls is declared; results are typed loosely and
 * narrowed where they are used (src/main/citations/csl-engine.ts).
 */
declare module '@citation-js/core' {
  /** A registry of named things (styles, locales) inside a plugin's config. */
  export type Register<T> = { add(key: string, value: T): void; has(key: string): boolean }

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>)
    /** `format('bibtex' | 'ris' | 'data' | 'bibliography' | 'citation', options)`. */
    format(format: string, options?: Record<string, unknown>): string
    data: unknown[]
  }

  export const plugins: {
    config: { get(plugin: string): unknown }
  }
}

declare module '@citation-js/plugin-csl' {}
declare module '@citation-js/plugin-bibtex' {}
declare module '@citation-js/plugin-ris' {}

declare module '@citation-js/name' {
  export type CslName = {
    family?: string
    given?: string
    suffix?: string
    literal?: string
    'non-dropping-particle'?: string
    'dropping-particle'?: string
  }
  export function parse(name: string): CslName
}
