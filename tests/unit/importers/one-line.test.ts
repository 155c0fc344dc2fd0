import { describe, expect, it } from 'vitest'
import { oneLine } from '../../../src/main/importers/normalise'

describe('oneLine (titles, authors and other one-line fields)', () => {
  it('joins a hard wrap inside Chinese or Japanese text without a space', () => {
    expect(oneLine('旨在为作为一\n份安装后用户指南')).toBe('旨在为作为一份安装后用户指南')
    expect(oneLine('ディストリビューシ\n  ョン')).toBe('ディストリビューション')
  })
  it('keeps a space where European text wraps, and collapses other whitespace', () => {
    expect(oneLine('The Pool\n   of Tears')).toBe('The Pool of Tears')
    expect(oneLine('  a \t b  ')).toBe('a b')
    expect(oneLine('Debian\n参考手册')).toBe('Debian 参考手册')
  })
})
