export { QuotesPanel } from './QuotesPanel'
