import { describe, expect, it } from 'vitest'
import type { QueryNode } from '../../../src/main/search/query-ast'
import { ftsNear, ftsText, markTerms } from '../../../src/main/search/query-compiler'
import { MAX_LEAVES, parseQuery } from '../../../src/main/search/query-parser'

/** A compact, readable rendering of an AST for assertions. */
function show(node: QueryNode | null): string {
  if (!node) return '∅'
  switch (node.kind) {
    case 'text':
      return `${node.column ? `${node.column}:` : ''}${node.terms.length > 1 || node.quoted ? `"${node.terms.join(' ')}"` : node.terms[0]}${node.prefix ? '*' : ''}`
    case 'near':
      return `NEAR(${node.groups.map(show).join(' ')},${node.distance})`
    case 'filter': {
      const f = node.filter
      switch (f.type) {
        case 'tag':
          return `tag=${f.name}${f.prefix ? '*' : ''}`
        case 'format':
          return `type=${f.format}`
        case 'lang':
          return `lang=${f.language}`
        case 'date':
          return `${f.op}=${f.date}`
        case 'has':
          return `has=${f.what}`
      }
      return '?'
    }
    case 'and':
      return `(${node.children.map(show).join(' ')})`
    case 'or':
      return `(${node.children.map(show).join(' | ')})`
    case 'not':
      return `-${show(node.child)}`
  }
}

const parse = (q: string, asYouType = false) => parseQuery(q, { asYouType })

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('query language', () => {
  it.each([
    ['climate change', '(climate change)'],
    ['climate AND change', '(climate change)'],
    ['"sea level" rise', '("sea level" rise)'],
    ['“sea level”', '"sea level"'],
    ['«sea level»', '"sea level"'],
    ['kenya OR tanzania', '(kenya | tanzania)'],
    ['a b OR c', '((a b) | c)'],
    ['-draft report', '(-draft report)'],
    ['NOT draft report', '(-draft report)'],
    ['report -"press release"', '(report -"press release")'],
    ['rail*', 'rail*'],
    ['(a OR b) c', '((a | b) c)'],
    ['NEAR(coal "power plant", 5)', 'NEAR(coal "power plant",5)'],
    ['NEAR(coal plant)', 'NEAR(coal plant,10)'],
    ['title:climate', 'title:climate'],
    ['Title:"sea level"', 'title:"sea level"'],
    ['author:smith', 'authors:smith'],
    ['source:bbc', 'source:bbc'],
    ['title:(a OR b)', '(title:a | title:b)'],
    ['tag:climate tag:"sea level" -tag:draft', '(tag=climate tag=sea level -tag=draft)'],
    ['type:pdf', 'type=pdf'],
    ['type:markdown', 'type=md'],
    ['lang:EN-gb', 'lang=en-gb'],
    ['after:2020 before:2021-06 on:2024-04-24', '(after=2020 before=2021-06 on=2024-04-24)'],
    ['has:quotes has:notes', '(has=quotes has=notes)'],
    ['--a', 'a'],
    ['Café', 'cafe'],
  ])('reads %s', (query, expected) => {
    const parsed = parse(query)
    expect(show(parsed.root)).toBe(expected)
    expect(parsed.problems).toEqual([])
  })

  it('splits words the way the index does: apostrophes (straight or typographic) and hyphens', () => {
    expect(show(parse('don’t').root)).toBe('"don t"')
    expect(show(parse("don't").root)).toBe('"don t"')
    expect(show(parse('Mombasa-Nairobi').root)).toBe('"mombasa nairobi"')
  })

  it('treats the word being typed as a prefix, only while typing and only at the very end', () => {
    expect(show(parse('mombasa rai', true).root)).toBe('(mombasa rai*)')
    expect(show(parse('mombasa rai ', true).root)).toBe('(mombasa rai)')
    expect(show(parse('mombasa rai').root)).toBe('(mombasa rai)')
    expect(show(parse('"mombasa rai', true).root)).toBe('"mombasa rai"*')
    expect(show(parse('title:clim', true).root)).toBe('title:clim*')
    expect(show(parse('tag:clim', true).root)).toBe('tag=clim*')
  })

  it('keeps quiet about an unfinished tail while typing, but not otherwise', () => {
    for (const q of ['climate OR', 'climate -', '"sea lev', '(climate', 'title:', 'NEAR(a b']) {
      expect(parse(q, true).problems, q).toEqual([])
      expect(parse(q).problems.length, q).toBeGreaterThan(0)
    }
  })
})

describe('hostile and broken queries', () => {
  it.each([
    ['"unbalanced', '"unbalanced"', /quote was never closed/],
    ['AND OR NOT (', '∅', /“AND” needs words/],
    ['-', '∅', /lone “-”/],
    ['title:', '∅', /title: needs a value/],
    ['tag:', '∅', /tag: needs a value/],
    ['((a)', 'a', /never closed/],
    ['a))', 'a', /unmatched “\)”/],
    ['()', '∅', /Empty brackets/],
    ['""', '∅', /empty or punctuation-only phrase/],
    ['***', '∅', /lone “\*”/],
    ['&&& ...', '∅', /no letters or digits/],
    ['OR OR OR', '∅', /“OR” needs words/],
    ['type:exe', '∅', /Unknown document type/],
    ['after:yesterday', '∅', /after: needs a date/],
    ['on:2021-02-30', '∅', /on: needs a date/],
    ['has:pictures', '∅', /has:quotes or has:notes/],
    ['autor:smith', '"autor smith"', /did you mean author:/],
    ['NEAR(a, x)', 'NEAR(a x,10)', /NEAR\( … \) takes words/],
  ])('%s gives a result or a message, never an exception', (query, expected, message) => {
    const parsed = parse(query)
    expect(show(parsed.root)).toBe(expected)
    expect(parsed.problems.join(' ')).toMatch(message)
  })

  it('survives 10 KB of brackets, operators and quotes', () => {
    for (const q of [
      '('.repeat(10_000),
      ')'.repeat(10_000),
      `${'('.repeat(5000)}a${')'.repeat(5000)}`,
      `${'-'.repeat(10_000)}a`,
      `${'NOT '.repeat(2500)}a`,
      '"'.repeat(10_001),
      'a OR '.repeat(2000),
      'NEAR('.repeat(2000),
      'title:'.repeat(1500),
    ]) {
      const parsed = parse(q)
      expect(parsed.problems.length + (parsed.root ? 1 : 0), q.slice(0, 20)).toBeGreaterThan(0)
    }
    const deep = parse(`${'('.repeat(200)}climate${')'.repeat(200)}`)
    expect(show(deep.root)).toBe('climate')
    expect(deep.problems.join(' ')).toMatch(/nested deeper/)
  })

  it('caps the number of words and says so', () => {
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')
    const parsed = parse(many)
    expect(parsed.root?.kind === 'and' && parsed.root.children.length).toBe(MAX_LEAVES)
    expect(parsed.problems.join(' ')).toMatch(/first 64/)
  })

  it('never throws, and compiles to well-formed FTS5 strings, for 20,000 random strings', () => {
    const next = random(20_240_424)
    const pieces = [
      ...'abc xyz ()"“”«»-*:,\'’\\{}[]^~|&!?.;/\t\n',
      'AND',
      'OR',
      'NOT',
      'NEAR(',
      'NEAR',
      'title:',
      'author:',
      'tag:',
      '-tag:',
      'type:',
      'type:pdf',
      'after:',
      'before:2020',
      'on:2020-13',
      'lang:',
      'has:',
      'has:quotes',
      'é',
      '\u0301',
      '\uE000',
      '\u0000',
      '😀',
      '\uD800',
      ' ',
      '  ',
      '10',
    ]
    for (let n = 0; n < 20_000; n++) {
      let q = ''
      const length = Math.floor(next() * 30)
      for (let i = 0; i < length; i++) q += pieces[Math.floor(next() * pieces.length)]
      const parsed = parseQuery(q, { asYouType: next() < 0.5 })
      const walk = (node: QueryNode | null): void => {
        if (!node) return
        if (node.kind === 'text') {
          expect(node.terms.length).toBeGreaterThan(0)
          for (const t of node.terms) expect(t).not.toMatch(/["\s]/)
          expect(ftsText(node)).toMatch(/^(\{(title|authors|source)\} : )?"[^"]+"\*?$/)
        } else if (node.kind === 'near') {
          expect(ftsNear(node)).toMatch(/^(\{\w+\} : )?NEAR\(("[^"]+"\*? ?)+, \d+\)$/)
        } else if (node.kind === 'and' || node.kind === 'or') node.children.forEach(walk)
        else if (node.kind === 'not') walk(node.child)
      }
      walk(parsed.root)
      markTerms(parsed.root)
    }
  })
})
