/** Stylesheets are bundled by Vite; importing one only adds it to the page. */
declare module '*.css' {}

/** Vite bundles a worker and hands back its URL (loaded through a Trusted Types policy). */
declare module '*?worker&url' {
  const url: string
  export default url
}
