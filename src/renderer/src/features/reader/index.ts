export { ReaderView } from './ReaderView'
