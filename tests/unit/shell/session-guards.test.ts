import { describe, expect, it, vi } from 'vitest'
import {
  createWindowOpenHandler,
  guardFrameNavigation,
  preventNavigation,
} from '../../../src/main/shell/navigation'
import {
  denyPermissionCheck,
  denyPermissionRequest,
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
  const permissions = [
    'clipboard-read',
    'clipboard-sanitized-write',
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
  it.each(permissions)('denies the %s request and check', (permission) => {
    const callback = vi.fn()
    denyPermissionRequest({}, permission, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(denyPermissionCheck()).toBe(false)
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
