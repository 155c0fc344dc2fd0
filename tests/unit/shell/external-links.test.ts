import { describe, expect, it, vi } from 'vitest'
import { allowedExternalUrl, openExternalLink } from '../../../src/main/shell/external-links'

describe('external-link allowlist', () => {
  it('allows http, https and plain mailto links, normalised', () => {
    expect(allowedExternalUrl('https://www.whitehouse.gov/briefing-room/')).toBe(
      'https://www.whitehouse.gov/briefing-room/',
    )
    expect(allowedExternalUrl('http://example.org')).toBe('http://example.org/')
    expect(allowedExternalUrl('HTTPS://Example.ORG/a?b=c#d')).toBe('https://example.org/a?b=c#d')
    expect(allowedExternalUrl('https://en.wikipedia.org:443/wiki/Lectern')).toBe(
      'https://en.wikipedia.org/wiki/Lectern',
    )
    expect(allowedExternalUrl('mailto:editor@example.org')).toBe('mailto:editor@example.org')
    expect(allowedExternalUrl('mailto:editor@example.org?subject=Hello')).toBe(
      'mailto:editor@example.org?subject=Hello',
    )
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java&#x09;script:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['file://server/share/x.exe'],
    ['\\\\server\\share\\x.exe'],
    ['//server/share'],
    ['smb://server/share'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['search-ms:query=x'],
    ['app://lectern/index.html'],
    ['app-doc:1/image.png'],
    ['ftp://example.org/file'],
    ['https://example.com.attacker.invalid/'],
    ['https://login.example.test/'],
    ['https://printer.local/'],
    ['http://localhost:4173/api/jobs.list'],
    ['http://127.0.0.1:4173/'],
    ['http://2130706433/'],
    ['http://[::1]/'],
    ['http://192.168.0.1/admin'],
    ['https://intranet/'],
    ['https://xn--pple-43d.com/'],
    ['https://аpple.com/'],
    ['https://user:pass@example.org/'],
    ['https://example.org@evil.example.com.invalid/'],
    ['https://example.org:8080/'],
    ['https://example.org\\@evil.com/'],
    ['mailto:someone@example.org?attach=/etc/passwd'],
    ['mailto:someone@example.org?attachment=C:\\secrets.txt'],
    ['mailto:'],
    ['https://'],
    ['not a url'],
    [''],
    [`https://example.org/${'a'.repeat(3000)}`],
  ])('refuses %s', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull()
  })

  it('refuses non-strings', () => {
    for (const value of [
      null,
      undefined,
      42,
      {},
      ['https://example.org/'],
      new URL('https://example.org/'),
    ])
      expect(allowedExternalUrl(value)).toBeNull()
  })

  it('hands only the normalised, allowed URL to the system', async () => {
    const openExternal = vi.fn(async () => {})
    expect(await openExternalLink('https://Example.org/x', { openExternal })).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://example.org/x', { activate: true })
    expect(await openExternalLink('file:///etc/passwd', { openExternal })).toBe(false)
    expect(await openExternalLink('javascript:alert(1)', { openExternal })).toBe(false)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })
})
