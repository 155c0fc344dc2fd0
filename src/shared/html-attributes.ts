/**
 * HTML attributes whose values are numbers, words or ids, never URLs. DOMPurify tests every attribute value that is
 * not "URI-safe" against ALLOWED_URI_REGEXP; ours admits only http(s)/mailto/#/app-doc: values, so without this list
 * `rowspan="2"`, `colspan="3"`, `<ol start="5">`, `dir="rtl"` and `lang="ja"` were all dropped: a table's cells slid
 * out of their columns (a DocBook note's icon cell spans two rows) and a list restarted at 1. Shared by the
 * importer's sanitizer and the reader's.
 */
export const HTML_VALUE_ATTRIBUTES = [
  'abbr',
  'colspan',
  'datetime',
  'dir',
  'headers',
  'lang',
  'reversed',
  'rowspan',
  'scope',
  'span',
  'start',
] as const
