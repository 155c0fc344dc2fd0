/**
 * The last metadata step of every extraction, for every format: the extractor's embedded values (with their
 * provenance) are weighed against what the document's own text says (text-head.ts), implausible dates are dropped
 * (kept as the file date when they are file stamps), identifiers are collected, and the title falls back in a fixed
 * order so it is never empty:
 *
 *   a person's correction › embedded title that is not generic › a title from the text (heading, e-mail Subject,
 *   title block) › the first sentence, whole ("title guessed") › the file name › "Untitled".
 *
 * A section heading ("Introduction", "Inhaltsverzeichnis", "目次"…) is never a title but by a person's hand, and when
 * one heads the text the first sentence is skipped too: the file name (a slug made readable) comes next.
 */
import type { FieldProvenance, PartialDate } from '@shared/contract'
import { oneLine } from '../normalise'
import { titleFromFirstSentence } from '../text-metadata'
import type { ExtractedDocument } from '../types'
import { keepSignedAnonymous } from './authors'
import { findIdentifiers, identifier, mergeIdentifiers } from './identifiers'
import { checkDate } from './plausible-date'
import { best, type Candidate, candidate, setField } from './provenance'
import { dateInLine, headMetadata } from './text-head'

/** Text read for identifiers: about the first pages. */
const IDENTIFIER_HEAD = 16 * 1024

/**
 * Section headings, not a work's title: "Contents of this document" (amsfndoc.pdf), "Introduction" over the first
 * section of a plain-text file (howto-pull-request.txt), in the languages the library holds. Compared lower-cased,
 * without a section number ("1. Introduction", "I. Einleitung") or a closing colon.
 */
const SECTION_HEADING_WORDS = [
  // English
  '(?:table of )?contents(?: of this (?:document|manual|book))?',
  'abstract',
  'introduction',
  'preface',
  'foreword',
  'acknowledge?ments?',
  'index',
  'summary',
  'executive summary',
  'overview',
  'background',
  'synopsis',
  'prologue',
  'motivation',
  'description',
  // German
  'einleitung',
  'einführung',
  'überblick',
  'übersicht',
  'zusammenfassung',
  'kurzfassung',
  'vorwort',
  'inhalt',
  'inhaltsverzeichnis',
  'hintergrund',
  'danksagung',
  // French
  'aperçu',
  'résumé',
  'sommaire',
  'préface',
  'avant-propos',
  'table des matières',
  'contexte',
  'remerciements',
  // Spanish
  'introducción',
  'resumen',
  'prefacio',
  'prólogo',
  'índice',
  'contenidos?',
  'tabla de contenidos?',
  'antecedentes',
  'agradecimientos',
  '(?:descripción|visión) general',
  // Italian
  'introduzione',
  'sommario',
  'riassunto',
  'prefazione',
  'premessa',
  'indice',
  'panoramica',
  'ringraziamenti',
  // Portuguese
  'introdução',
  'resumo',
  'prefácio',
  'sumário',
  'conteúdo',
  'visão geral',
  // Dutch
  'inleiding',
  'introductie',
  'samenvatting',
  'overzicht',
  'voorwoord',
  'inhoud',
  'inhoudsopgave',
  'achtergrond',
  'dankwoord',
  // Russian
  'введение',
  'вступление',
  'обзор',
  'аннотация',
  'резюме',
  'предисловие',
  'содержание',
  'оглавление',
  'благодарности',
  // Chinese (simplified and traditional)
  '简介',
  '簡介',
  '介绍',
  '介紹',
  '引言',
  '导言',
  '導言',
  '概述',
  '概要',
  '摘要',
  '前言',
  '序言',
  '目录',
  '目錄',
  '背景',
  '致谢',
  '致謝',
  // Japanese
  'はじめに',
  'まえがき',
  '前書き',
  '序文',
  '序論',
  '緒言',
  '要旨',
  '目次',
  '謝辞',
  'イントロダクション',
]
const SECTION_HEADING = new RegExp(
  `^(?:(?:\\d+(?:\\.\\d+)*\\.?|[ivx]+[.)]|[a-z][.)])\\s+|第?[0-9一二三四五六七八九十]+[章节節.、]\\s*)?(?:${SECTION_HEADING_WORDS.join('|')})\\s*[:：]?$`,
  'iu',
)

export function sectionHeading(title: string): boolean {
  return SECTION_HEADING.test(title.trim().replace(/\s+/g, ' '))
}

/** A letter of an alphabetic script with a combining accent no precomposed letter has ("d̂", "g̃"): a formula's. */
const ACCENTED_SYMBOL = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]\p{Mn}/u
/** One letter standing alone that is no word in the languages the library holds ("à", "y", "я"…): a variable. */
const ONE_LETTER_WORD = /^(?:[a-zA-Z]|[àáâéèíóòúùýäöü]|[авикосуяАВИКОСУЯ]|ή|ο|η)$/u

/**
 * A line of formulas or symbols, not words: the linear text of an equation ("bcd̂ efg̃ Ȧ Ȧť Ǎ ί", the first line of
 * test-word-latinmodern_math.docx), "∮ F⋅dr = ∬ (∇×F)⋅dS". Most of its tokens are math symbols, accented symbols
 * or lone letters that are no words. A title with one such token ("C++ Primer", "The √2 Story") keeps its words.
 */
export function formulaLine(line: string): boolean {
  // Numbers and dashes say nothing either way ("Report 2023 — Part 2"): only tokens with letters or math count.
  const tokens = line
    .normalize('NFC')
    .split(/\s+/)
    .filter((tok) => /[\p{L}\p{Sm}]/u.test(tok))
  if (tokens.length === 0) return false
  // "^" and "_(" are the linear format's super- and subscripts (Word's equations as text).
  const math = (tok: string): boolean => /[\p{Sm}^]|_\(/u.test(tok.replace(/^[-+]+|[-+]+$/g, ''))
  const symbolic = tokens.filter(
    (tok) =>
      math(tok) ||
      ACCENTED_SYMBOL.test(tok) ||
      (/^\p{L}$/u.test(tok) && !ONE_LETTER_WORD.test(tok)),
  ).length
  // Two tokens or fewer: a formula only when every one holds math ("(x+a)^n=∑_(k=1)^n").
  if (tokens.length < 3) return tokens.every(math)
  return symbolic * 2 > tokens.length
}

/**
 * `printed`: the title is declared by the document and is also its text's first line (a Node.js API page's "OS",
 * "V8", "Node-API"): then its shape (short, one token with dashes) says nothing against it.
 */
export function genericTitle(title: string, fileTitle?: string, printed = false): boolean {
  const t = title.trim()
  if (!t || !/\p{L}/u.test(t)) return true
  // No word of three letters and no character of a script written without spaces: the labels of a drawing
  // ("R R a" in transistor.pdf, "1r 1 1l"), not a title. A vowel sign is a letter to a reader of an abugida:
  // "छाया" (chhaya.pdf) is छ ा य ा, two letters and two marks.
  if (
    !printed &&
    !/\p{L}[\p{L}\p{M}]{2}|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u.test(
      t,
    )
  )
    return true
  if (!printed && formulaLine(t)) return true
  if (
    /^(?:untitled(?:\s+document)?|document\d*|title|new document|draft|slide \d+|microsoft word\b.*|page \d+)$/i.test(
      t,
    )
  )
    return true
  // A copyright notice ("Copyright (C) 2000-2023 Free Software Foundation") heads many files (GNU READMEs) but
  // names the owner, not the work; a title about copyright has no year after the word.
  if (/^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*\d{4}/i.test(t)) return true
  if (
    /^[0-9a-f]{16,}$/i.test(t) ||
    /^[\w-]+\.(?:docx?|pdf|tex|html?|txt|md|epub|odt|rtf)$/i.test(t)
  )
    return true
  // A slug: one token with dashes or underscores and no spaces ("developers-reference").
  // A manual page's name and section ("git-add(1)") is a title, not a slug; so is a compound of capitalised words
  // ("Debian-Referenz", the German Debian Reference's title line, once lost to its file name).
  if (
    !printed &&
    !/\s/.test(t) &&
    /[-_]/.test(t) &&
    t.length > 6 &&
    !/\(\d\w{0,3}\)$/.test(t) &&
    !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(t)
  )
    return true
  return fileTitle !== undefined && t === fileTitle && /[-_]/.test(t)
}

/**
 * A file name as words when it is a phrase written as a slug: "howto-pull-request" → "howto pull request". One dash
 * may join a name ("n-api", "numerica-plus") and dashes between digits are dates: those stay.
 */
export function readableFileName(name: string): string {
  const joints = /(?<=\p{L})[-_]+(?=[\p{L}\p{N}])|(?<=\p{N})[-_]+(?=\p{L})/gu
  return (name.match(joints)?.length ?? 0) >= 2 ? name.replace(joints, ' ').trim() : name
}

const prov = (
  doc: ExtractedDocument,
  field: 'title' | 'authors' | 'publishedAt',
): FieldProvenance => doc.provenance[field] ?? { origin: 'embedded', confidence: 0.5 }

/** Whether the text's first line is exactly this line. */
function opensWithLine(text: string, line: string): boolean {
  if (!line) return false
  const start = text.length - text.trimStart().length
  const newline = text.indexOf('\n', start)
  const end = newline === -1 ? text.length : newline
  if (end - start > 4 * line.length + 64) return false
  // A heading printed with no-break spaces ("第&nbsp;1&nbsp;章&nbsp;定义和概览", DocBook's chapter labels) is the line
  // its <title> prints with plain ones.
  const spaced = (s: string): string => s.replace(/\s+/g, ' ').trim()
  return spaced(text.slice(start, end)) === spaced(line)
}

/** Weigh, check and complete the metadata of an extracted document (mutates and returns it). */
export function finishMetadata(
  doc: ExtractedDocument,
  fileTitle: string,
  now = new Date(),
): ExtractedDocument {
  const head = headMetadata(doc.text)

  // Title.
  // A section heading ("Introduction" over a text's first section, a PDF whose page 1 starts with its contents) is
  // not the work's title, whoever proposed it, unless a person typed it.
  const origin = prov(doc, 'title').origin
  // A title line that is a section heading: the first sentence under it is no title either (the extractor may have
  // guessed one before the heading was seen); the file name is.
  const headingOnTop =
    (head.title !== null && sectionHeading(head.title.value)) ||
    (origin !== 'filename' && origin !== 'user' && sectionHeading(doc.title))
  const printed = origin === 'embedded' && opensWithLine(doc.text, doc.title.trim())
  const current: Candidate<string> | null =
    doc.title &&
    !genericTitle(doc.title, fileTitle, printed) &&
    origin !== 'filename' &&
    (origin === 'user' || !sectionHeading(doc.title)) &&
    !(origin === 'guessed' && headingOnTop)
      ? { value: doc.title, ...prov(doc, 'title') }
      : null
  const headTitle = head.title && !sectionHeading(head.title.value) ? head.title : null
  // An underlined title was made a title by its author, even when it reads like a slug ("templates-fenn").
  // Only words and dashes: "ifdef::git-rev-list[]" over a "-----" code fence is markup, not a title.
  const underlined = (t: string): boolean =>
    headTitle?.detail === 'underlined title' &&
    t === headTitle.value &&
    /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+$/u.test(t)
  const chosenTitle = best(
    [current, headTitle],
    (t) =>
      !genericTitle(t, fileTitle, printed && t === current?.value) ||
      (underlined(t) && !genericTitle(t.replace(/[-_]/g, ' '))),
  )
  if (chosenTitle) setField(doc, 'title', oneLine(chosenTitle.value, 500), chosenTitle)
  else {
    // Under a section heading the first sentence is that section's, not a summary of the work: the file name
    // names the work better.
    const body = doc.text.slice(head.bodyStart, head.bodyStart + 8192)
    const firstLine = /^\s*(.*)/.exec(body)?.[1] ?? ''
    const opensWithSection = headingOnTop || sectionHeading(firstLine)
    const usableFileName = !!fileTitle && !/^[0-9a-f]{16,}$/i.test(fileTitle)
    // A sentence that starts with a formula line ("sphinx ~= 4.2, != 4.4.0" heading a requirements file) runs the
    // formula into whatever follows: no title either.
    const sentence =
      (opensWithSection || formulaLine(firstLine)) && usableFileName
        ? null
        : titleFromFirstSentence(body)
    if (sentence && !genericTitle(sentence, fileTitle))
      setField(doc, 'title', sentence, {
        origin: 'guessed',
        confidence: 0.2,
        detail: 'first sentence',
      })
    else if (usableFileName)
      setField(doc, 'title', readableFileName(fileTitle), {
        origin: 'filename',
        confidence: 0.1,
        detail: 'file name',
      })
    else
      setField(doc, 'title', 'Untitled', {
        origin: 'guessed',
        confidence: 0,
        detail: 'nothing else found',
      })
  }

  // "README for the bundle (December 2017)": a date in brackets at the end of a title is the date.
  const bracketDate = /\s*[([]([^()[\]]{4,30})[)\]]\s*$/.exec(doc.title)
  const trailing = bracketDate ? dateInLine(bracketDate[1] ?? '') : null
  if (bracketDate && trailing && doc.provenance.title?.origin !== 'user') {
    const p = doc.provenance.title ?? { origin: 'text' as const, confidence: 0.6 }
    setField(doc, 'title', doc.title.slice(0, bracketDate.index).trim(), p)
    if (!doc.publishedAt)
      setField(doc, 'publishedAt', trailing.date, {
        origin: 'text',
        confidence: 0.7,
        detail: 'date beside the title',
      })
  }

  // Authors.
  const authorsNow: Candidate<string[]> | null =
    doc.authors.length > 0 ? { value: doc.authors, ...prov(doc, 'authors') } : null
  const signed = (c: Candidate<string[]> | null): Candidate<string[]> | null =>
    c && c.origin !== 'user' ? { ...c, value: keepSignedAnonymous(c.value, doc.text) } : c
  const chosenAuthors = best([signed(authorsNow), signed(head.authors)], (a) => a.length > 0)
  if (chosenAuthors) setField(doc, 'authors', chosenAuthors.value, chosenAuthors)
  else if (authorsNow && authorsNow.origin !== 'user') {
    // Only an unsigned "Anonymous" was there.
    doc.authors = []
    delete doc.provenance.authors
  }

  // Date: embedded stamps are checked strictly; a text date beats a file stamp.
  let dateNow: Candidate<PartialDate> | null = null
  if (doc.publishedAt) {
    const p = prov(doc, 'publishedAt')
    const check = checkDate(doc.publishedAt, p.origin === 'embedded', now)
    if (check.ok) dateNow = { value: doc.publishedAt, ...p }
    else {
      if (p.origin === 'embedded') doc.fileDate ??= doc.publishedAt
      doc.publishedAt = null
      delete doc.provenance.publishedAt
    }
  }
  const headDate = head.date && checkDate(head.date.value, false, now).ok ? head.date : null
  const chosenDate = best([dateNow, headDate])
  if (chosenDate) setField(doc, 'publishedAt', chosenDate.value, chosenDate)
  if (doc.fileDate && !checkDate(doc.fileDate, false, now).ok) doc.fileDate = null

  // Identifiers.
  const fromDoi = identifier('doi', doc.doi)
  const fromUrl = identifier('url', doc.url)
  doc.identifiers = mergeIdentifiers(
    doc.identifiers,
    fromDoi ? [fromDoi] : [],
    fromUrl ? [fromUrl] : [],
    findIdentifiers(doc.text.slice(0, IDENTIFIER_HEAD)),
  )
  if (!doc.doi) doc.doi = doc.identifiers.find((i) => i.type === 'doi')?.value ?? null
  if (doc.identifiers.length > 0 && !doc.provenance.identifiers)
    doc.provenance.identifiers = {
      origin: 'text',
      confidence: 0.8,
      detail: 'found in the first pages',
    }
  if (doc.language && !doc.provenance.language)
    doc.provenance.language = { origin: 'embedded', confidence: 0.8 }
  if (doc.source && !doc.provenance.source)
    doc.provenance.source = { origin: 'embedded', confidence: 0.8 }
  return doc
}

export { candidate }
