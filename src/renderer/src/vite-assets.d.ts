/** `import url from 'x?url'`: Vite emits the file as an asset and gives its URL (the PDF worker). */
declare module '*?url' {
  const url: string
  export default url
}
