import { describe, expect, it, vi } from 'vitest'
import {
  createWindowOpenHandler,
  guardFrameNavigation,
  preventNavigation,
} from '../../../src/main/shell/navigation'
import {
  permissionCheckHandler,
  permissionRequestHandler,
  requestFilter,
  shouldCancelRequest,
} from '../../../src/main/shell/permissions'

const navigationEvent = () => ({ preventDefault: vi.fn() })

describe('navigation handler', () => {
  it('prevents every navigation, and routes only allowed links to the system browser', () => {
    const opened: string[] = []
    for (const url of [
      'https://example.org/',
      'app://lectern/other.html',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>top.__pwned=1</script>',
      'http://localhost:4173/',
      'about:blank',
    ]) {
      const event = navigationEvent()
      preventNavigation(event, url, (u) => opened.push(u))
      expect(event.preventDefault, url).toHaveBeenCalledOnce()
    }
    expect(opened).toEqual(['https://example.org/'])
  })

  it('lets the viewer frame load its srcdoc but stops links clicked inside it', () => {
    const opened: string[] = []
    const srcdoc = navigationEvent()
    expect(guardFrameNavigation(srcdoc, 'about:srcdoc', false, (u) => opened.push(u))).toBe(true)
    expect(srcdoc.preventDefault).not.toHaveBeenCalled()
    const link = navigationEvent()
    expect(
      guardFrameNavigation(link, 'https://example.org/page', false, (u) => opened.push(u)),
    ).toBe(false)
    expect(link.preventDefault).toHaveBeenCalledOnce()
    const script = navigationEvent()
    expect(
      guardFrameNavigation(script, 'javascript:top.__pwned=1', false, (u) => opened.push(u)),
    ).toBe(false)
    expect(script.preventDefault).toHaveBeenCalledOnce()
    // The main frame may not even become about:blank.
    const top = navigationEvent()
    expect(guardFrameNavigation(top, 'about:blank', true, (u) => opened.push(u))).toBe(false)
    expect(opened).toEqual(['https://example.org/page'])
  })
})

describe('window-open handler', () => {
  it('always denies, opening allowed links externally', () => {
    const opened: string[] = []
    const handler = createWindowOpenHandler((u) => opened.push(u))
    for (const url of [
      'https://example.org/',
      'about:blank',
      'javascript:alert(1)',
      'app://lectern/index.html',
      'file:///C:/Windows/System32/calc.exe',
      'https://example.com.attacker.invalid/',
    ])
      expect(handler({ url })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org/'])
  })
})

describe('permission handlers', () => {
  const denied = [
    'clipboard-read',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'bluetooth',
  ]
  const ours = { requestingUrl: 'app://lectern/index.html', isMainFrame: true }
  const request = (permission: string, details: object): unknown[] => {
    const answers: unknown[] = []
    permissionRequestHandler({}, permission, (granted) => answers.push(granted), details)
    return answers
  }

  it.each(denied)('denies the %s request and check, even to our own page', (permission) => {
    expect(request(permission, ours)).toEqual([false])
    expect(permissionCheckHandler({}, permission, 'app://lectern', ours)).toBe(false)
  })

  // navigator.clipboard.writeText in Electron asks for exactly this permission (Copy buttons, export "Copy").
  it('allows clipboard-sanitized-write to the app page itself, and nothing else', () => {
    expect(request('clipboard-sanitized-write', ours)).toEqual([true])
    expect(permissionCheckHandler({}, 'clipboard-sanitized-write', 'app://lectern', ours)).toBe(
      true,
    )
    expect(permissionCheckHandler({}, 'clipboard-sanitized-write', 'app://lectern/', ours)).toBe(
      true,
    )
  })

  it.each([
    [
      'a sub-frame of our page (the document viewer)',
      { requestingUrl: 'app://lectern/index.html', isMainFrame: false },
    ],
    ['another host on our scheme', { requestingUrl: 'app://evil/index.html', isMainFrame: true }],
    ['a document resource', { requestingUrl: 'app-doc:12/page.html', isMainFrame: true }],
    ['a web page', { requestingUrl: 'https://lectern/index.html', isMainFrame: true }],
    ['a look-alike host', { requestingUrl: 'app://lectern.evil/index.html', isMainFrame: true }],
    ['an opaque origin', { requestingUrl: 'null', isMainFrame: true }],
    ['no details at all', {}],
  ])('denies clipboard-sanitized-write to %s', (_label, details) => {
    expect(request('clipboard-sanitized-write', details)).toEqual([false])
    const origin = (details as { requestingUrl?: string }).requestingUrl ?? ''
    expect(permissionCheckHandler({}, 'clipboard-sanitized-write', origin, details)).toBe(false)
  })
})

describe('request filter', () => {
  it('cancels everything that could leave the machine', () => {
    for (const url of [
      'http://example.org/pixel.png',
      'https://fonts.googleapis.com/css',
      'ws://127.0.0.1:9229/',
      'wss://example.org/socket',
      'ftp://example.org/',
      'file:///etc/passwd',
      'chrome://settings',
      'not a url',
    ])
      expect(shouldCancelRequest(url), url).toBe(true)
  })

  it('lets our own files, document resources and inline data through', () => {
    for (const url of [
      'app://lectern/index.html',
      'app://lectern/assets/index.js',
      'app-doc:12/cover.png',
      'data:image/png;base64,AAAA',
      'blob:app://lectern/0f3c',
      'about:srcdoc',
    ])
      expect(shouldCancelRequest(url), url).toBe(false)
    const callback = vi.fn()
    requestFilter({ url: 'https://tracker.example/' }, callback)
    expect(callback).toHaveBeenCalledWith({ cancel: true })
  })
})
