/** The only place untrusted HTML enters the DOM (STYLE.md 2.7, SECURITY.md §3). */
export { SafeHtmlFrame } from './SafeHtmlFrame'
