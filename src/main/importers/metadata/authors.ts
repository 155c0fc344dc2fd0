/**
 * Author names as a citation prints them: e-mail addresses, footnote marks, "(deceased)" and role words removed;
 * lists split on ";", "and", "&" and commas between full names; values that are not people (logins such as
 * "COMP15146", tool names, "Administrator", "unknown") refused.
 */
import { oneLine } from '../normalise'

const ROLE_WORDS =
  /\s*(?:\((?:deceased|inactive|ed(?:itor)?s?\.?|eds\.|maintainer|translator|author)\)|\b(?:original|updated|new)\s+contents?\b|\b(?:maintainer|editor|translator)\b$)/gi

/** Values that name a tool, a machine account or nobody. */
const NOT_A_PERSON =
  /^(?:unknown|author|authors?\s+name|user|owner|admin(?:istrator)?|root|default|guest|microsoft(?:\s+\w+)*|adobe(?:\s+\w+)*|acrobat.*|pdf.*|latex.*|tex|pdftex|dvips.*|ghostscript.*|writer|libreoffice.*|openoffice.*|word|office|python-docx|pandoc|calibre.*|none|n\/a|null|undefined)$/i

/**
 * A template's field left unfilled, in the template's own syntax: "{{author}}", "${AUTHOR}", "%AUTHOR%", "@AUTHOR@"
 * (autoconf), "$Author$" (an unexpanded RCS keyword), "__AUTHOR__". Never a name, whatever is inside.
 */
const TEMPLATE_SYNTAX =
  /^(?:\{\{[^{}]*\}\}|\$\{[^{}]*\}|%[\p{L}_ ]+%|@[\p{L}_ ]+@|\$\p{L}+\$|__[\p{L}_]+__)$/u

/** Words that name a name's parts ("FAMILY Given", "Firstname Lastname"): a template's field, not a person. */
const FIELD_WORDS =
  'name|names|surname|surnames|firstname|lastname|forename|forenames|givenname|familyname|fullname|authorname|yourname|author|authors|autor|autorin|autore|auteur|verfasser|vorname|nachname|nom|prénom|prenom|nombre|apellidos?|nome|cognome|given|family|last|氏名|姓名|作者|著者|名前'
/** Words that go with them in a template: "Your Name", "Name of Author", "Insert author name here", "Author 1". */
const FILLER_WORDS =
  'your|my|the|of|here|insert|enter|type|full|first|middle|initials?|one|two|three|second|third|corresponding|unknown|anonymous|no|and|et|al|x+|n|\\d{1,2}|s'
const FIELD = new RegExp(`^(?:${FIELD_WORDS})$`, 'iu')
const FILLER = new RegExp(`^(?:${FILLER_WORDS})$`, 'iu')

/**
 * A placeholder where a name belongs: "[FAMILY Given]" (the DocBook template debian-reference.ja kept in its PDF
 * Info, title page and HTML byline), "[Author]", "Your Name", "Author Name", "Firstname Lastname", "Name Surname",
 * "Author 1", "Anonymous Author(s)". It is made only of words for a name's parts (at least one) and filler words, in
 * any brackets or case. Sample people ("John Doe", "Max Mustermann") are not refused: real people bear those names.
 * "Anonymous" alone is not a placeholder (APA cites a work signed "Anonymous" so): see `keepSignedAnonymous`.
 */
export function placeholderName(raw: string): boolean {
  const s = raw.trim()
  if (TEMPLATE_SYNTAX.test(s)) return true
  const inner = s.replace(/^[[({<«‹]+|[\])}>»›]+$/g, '')
  const words = inner.split(/[\s_.,;:/()[\]{}<>-]+/u).filter(Boolean)
  if (words.length === 0 || words.length > 6) return false
  if (!words.some((w) => FIELD.test(w))) return false
  // One word alone is a placeholder only when it says "name" or "author" ("Given" and "Last" are real surnames).
  if (words.length === 1) return !/^(?:given|family|last)$/i.test(words[0] ?? '')
  return words.every((w) => FIELD.test(w) || FILLER.test(w))
}

/**
 * A section heading that bylines are found under ("AUTHORS AND COPYRIGHT" in pod2html man pages, "A.8 Authors"):
 * Readability takes an element whose id says "author" for a byline, and the heading names nobody.
 */
const SECTION_HEADING =
  /^(?:[\p{L}\d]{1,3}(?:\.[\p{L}\d]{1,3})*\.?\s+)?(?:(?:authors?|copyright|credits|contributors|acknowledge?ments?|licen[cs]e|maintainers?|and|&)\s*)+$/iu

/** The work before "by" in "Original code by X", "Package by Y", "Maintained by Z": X, Y and Z are the names. */
const WORK_BY =
  /^(?:(?:original|initial|current|new|the)\s+)?(?:(?:code|package|software|program|documentation|document|text|translation|port|version|edition|work|class|module|maintained|written|created|compiled|edited|translated|prepared|typeset|revised|designed|developed|updated|converted)\s+)+by\s+/i

/** One token with digits and no space ("COMP15146", "jsmith2"), or an all-lowercase login ("jdoe"). */
const LOGIN = /^(?=\S*\d)[\p{L}\d._-]+$|^[\p{Ll}\d._-]{2,16}$/u

/**
 * A revision note or date after the name ("Ian A. Murdock, Revised 01/06/94", "…, last updated 2003"): part of the
 * byline, not of the name, and a citation must not print it as one.
 */
const AFTER_NAME =
  /\s*[,;(]\s*(?:(?:first\s+|last\s+)?(?:revised|updated|modified|edited|changed|published|written|version|rev\.|überarbeitet|aktualisiert|révisé|mis\s+à\s+jour|revisado|actualizado)(?!\p{L})|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b).*$/iu

/** Strip what is not part of a name: e-mails, URLs, footnote marks, roles, revision notes, stray punctuation. */
export function cleanName(raw: string): string | null {
  let s = oneLine(raw, 300)
  s = s.replace(/<[^<>]*>/g, ' ') // <someone@example.org>
  s = s.replace(/\(?\b[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:(?:\.|\s+dot\s+)[\w-]+)+\b\)?/gi, ' ')
  s = s.replace(/\bhttps?:\/\/\S+/gi, ' ')
  // Trimmed before the role words, whose "editor" must be the last word: a link after it left trailing spaces.
  s = s.replace(/\s+/g, ' ').trim()
  if (SECTION_HEADING.test(s) || placeholderName(s)) return null
  s = s.replace(ROLE_WORDS, ' ')
  s = s.replace(/[∗*†‡§¶⋆]+|\^\S+/g, ' ')
  s = s.replace(/^(?:by|written by|from|author:?|authors:?)\s+/i, '')
  s = s.replace(WORK_BY, '')
  s = s.replace(AFTER_NAME, '')
  s = s.replace(/\s+/g, ' ').replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/g, '')
  if (s.length < 2 || s.length > 120 || !/\p{L}/u.test(s)) return null
  // No letter or digit at all is nobody; a name in CJK characters has no ASCII word character and is somebody.
  if (NOT_A_PERSON.test(s) || /^[^\p{L}\p{N}]*$/u.test(s) || LOGIN.test(s) || placeholderName(s))
    return null
  return s
}

const ORGANISATION =
  /\b(?:team|group|project|society|association|committee|foundation|institute|council|consortium|community|authors|developers|contributors|editors|board|company|corporation|organi[sz]ation|office|department|ministry|agency|press|network|cent(?:er|re)|university|school|library|league|union|alliance|collective|staff|house|bureau|commission|government)\b/i

/** Organisation words of the other languages the library holds ("Équipe du guide de référence pour Debian"). */
const ORGANISATION_ABROAD =
  /(?<!\p{L})(?:équipe|groupe|projet|projekt|gruppe|equipo|grupo|proyecto|progetto|gruppo|comité|komitee|redaktion|rédaction)(?!\p{L})|团队|小组|項目|项目|チーム|プロジェクト/iu

/**
 * A team or group named in full, in any of the library's languages: capitalised first, up to ten words (French and
 * Spanish names run long and lower-case: "Équipe du guide de référence pour Debian"), and an organisation word.
 */
export function looksLikeOrganisation(s: string): boolean {
  const words = s.split(/\s+/)
  return (
    words.length >= 2 &&
    words.length <= 10 &&
    /^\p{Lu}/u.test(s) &&
    !/[.!?:;]$/.test(s) &&
    (ORGANISATION.test(s) || ORGANISATION_ABROAD.test(s))
  )
}

/** Does this read as one person's or organisation's name (a few capitalised words, initials allowed)? */
export function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/)
  if (words.length < 1 || words.length > 6) return false
  // "The NTS Team" and "The Guardian" are authors; "THE TECHNICAL DOCUMENTATION" (a subtitle set in capitals under
  // lm-info.pdf's title) is not. Only a capitals-only phrase is doubted, so mastheads in running text stay names.
  if (/^THE\s/.test(s) && s === s.toUpperCase() && !ORGANISATION.test(s)) return false
  if (/[.!?]$/.test(s) && !/\b\p{Lu}\.$/u.test(s)) return false
  const capitalised = words.filter((w) =>
    /^(?:\p{Lu}|\p{Lu}\.|d[eiu]|v[ao]n|van|der|de|la|le|da|dos|del|bin|al-)/u.test(w),
  )
  return capitalised.length >= Math.ceil(words.length * 0.6)
}

/** Split an author field into cleaned names. */
export function splitAuthors(raw: string | null | undefined): string[] {
  if (!raw) return []
  const withoutMail = raw.replace(/<[^<>]*>/g, ' ')
  const parts = withoutMail
    .split(
      /\s*(?:;|\band\b|&|\bund\b|\bet\b(?!\s+al)|,(?=\s*(?:\p{Lu}[\p{L}.'-]*\s+){1,3}\p{Lu}))\s*/u,
    )
    .map((p) => cleanName(p))
    .filter((p): p is string => p !== null)
  // "Smith, John" is one inverted name, not two: only split on commas between full names (handled above).
  const seen = new Set<string>()
  return parts.filter((p) => {
    const key = p.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Authors from several values (a list field, repeated tags). */
export function authorList(values: (string | null | undefined)[]): string[] {
  const out: string[] = []
  for (const v of values) for (const a of splitAuthors(v)) if (!out.includes(a)) out.push(a)
  return out
}

/** The text's first lines, where a work is signed. */
const SIGNATURE_HEAD = 3000
const ANONYMOUS = /^anon(?:ymous|\.)$/i

/**
 * "Anonymous" is an author only where the work is signed so, on a line of its own near the top ("Anonymous",
 * "by Anonymous", "— Anonymous"): APA 7 then cites it "Anonymous". In a file's properties or a site's meta tags it
 * only says that nobody is known, and no author is better than that word.
 */
export function keepSignedAnonymous(authors: string[], text: string): string[] {
  if (!authors.some((a) => ANONYMOUS.test(a))) return authors
  const signed = /^[ \t]*(?:by[ \t]+|[-–—][ \t]*)?anon(?:ymous|\.)[ \t]*$/im.test(
    text.slice(0, SIGNATURE_HEAD),
  )
  return signed ? authors : authors.filter((a) => !ANONYMOUS.test(a))
}
