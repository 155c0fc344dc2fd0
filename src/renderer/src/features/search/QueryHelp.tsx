import type { ReactNode } from 'react'

const SYNTAX: [string, string][] = [
  ['kenya railway', 'both words (the last one as you type is a prefix)'],
  ['change', 'also “changes”, “changed”, “changing” (exact forms listed first)'],
  ['=change  "change"', 'this exact form only'],
  ['"exact phrase"', 'the words together, in this order, as written'],
  ['歴史  自由软件  ภาษาไทย', 'Chinese, Japanese and Thai words inside running text'],
  ['kenya OR uganda', 'either word'],
  ['-football  -"match report"', 'leave out a word or phrase'],
  ['rail*', 'words starting with “rail”'],
  ['NEAR(trade deal, 10)', 'words within 10 words of each other'],
  ['(kenya OR uganda) rail', 'group with parentheses'],
  ['title:budget  author:obama', 'in the title, by an author'],
  ['source:bbc  tag:draft  -tag:done', 'by source; with or without a tag'],
  ['type:pdf  lang:fr', 'by format or language'],
  ['after:2014  before:2015-06  on:2013-01-21', 'by date (YYYY, YYYY-MM or YYYY-MM-DD)'],
  ['has:quotes  has:notes', 'documents you have quoted or annotated'],
]

type QueryHelpProps = { id: string }

/** The query syntax in a popover next to the search box (native popover: Escape and outside clicks close it). */
export function QueryHelp({ id }: QueryHelpProps): ReactNode {
  return (
    <div id={id} popover="auto" className="query-help" role="dialog" aria-label="Query syntax">
      <h2>Query syntax</h2>
      <p>
        Case and accents do not matter: “cafe” finds “Café”. A word also finds its other forms in
        the document’s language (English, German, French, Spanish, Russian and 19 more).
      </p>
      <dl>
        {SYNTAX.map(([example, meaning]) => (
          <div key={example} className="query-help-row">
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Enter opens the top result; ↑ and ↓ move through results; Esc clears the box.
      </p>
    </div>
  )
}
