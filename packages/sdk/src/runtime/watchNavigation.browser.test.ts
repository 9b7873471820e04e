import { afterEach, describe, expect, it } from 'vitest'
import { watchNavigation } from './watchNavigation'

// This window as a browser without the Navigation API (Safari, older Firefox) sees it.
function withoutNavigationApi(): Window {
  const fake = Object.create(window, { navigation: { value: undefined } }) as Window
  Object.defineProperty(fake, 'location', { value: location })
  Object.defineProperty(fake, 'history', { value: history })
  return fake
}

const start = location.href
afterEach(() => history.replaceState(null, '', start))

describe('watchNavigation in Chromium', () => {
  it('reports pushState, replaceState, back and hash changes once each', async () => {
    const seen: string[] = []
    const stop = watchNavigation((url) => seen.push(new URL(url).pathname + new URL(url).hash))
    history.pushState(null, '', '/reports')
    history.replaceState(null, '', '/reports/42')
    location.hash = '#/tab'
    await new Promise((r) => setTimeout(r, 50))
    history.back()
    await new Promise((r) => setTimeout(r, 100))
    stop()
    expect(seen.slice(0, 3)).toEqual(['/reports', '/reports/42', '/reports/42#/tab'])
    expect(seen.at(-1)).toBe('/reports/42')
  })

  // The visitor comes back to a page the back/forward cache kept (test/e2e/bfcache.e2e.ts shows
  // it in the real cache): the same URL, a page view again. The load's own pageshow is none.
  it('reports the page shown again from the back/forward cache, at its URL', () => {
    const seen: string[] = []
    const stop = watchNavigation((url) => seen.push(url))
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }))
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
    stop()
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
    expect(seen).toEqual([location.href])
  })

  it('stops reporting and leaves history untouched after undo', () => {
    const seen: string[] = []
    const push = history.pushState
    const stop = watchNavigation((url) => seen.push(url))
    stop()
    history.pushState(null, '', '/after')
    expect(seen).toEqual([])
    expect(history.pushState).toBe(push)
  })

  it('falls back to wrapping history when the Navigation API is missing', () => {
    const seen: string[] = []
    const fake = withoutNavigationApi()
    const push = history.pushState
    const stop = watchNavigation((url) => seen.push(new URL(url).pathname), fake)
    expect(history.pushState).not.toBe(push)
    history.pushState(null, '', '/wrapped')
    stop()
    expect(history.pushState).toBe(push)
    expect(seen).toEqual(['/wrapped'])
  })

  it('stays silent after undo when a router wrapped history after it (no Navigation API)', () => {
    const seen: string[] = []
    const fake = withoutNavigationApi()
    const push = history.pushState
    const stop = watchNavigation((url) => seen.push(new URL(url).pathname), fake)
    // A router loaded later wraps what it finds, Sonde's wrapper included, and keeps it.
    const inner = history.pushState
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      return inner.apply(this, args)
    }
    try {
      stop()
      history.pushState(null, '', '/after-destroy')
    } finally {
      history.pushState = push
    }
    expect(seen).toEqual([])
  })

  // A table of contents on a docs page moves within the page; a hash router's #/ or #! is a route.
  it.each([
    ['with the Navigation API', () => window],
    ['without it', withoutNavigationApi],
  ])('reports hash routes but not in-page anchors (%s)', async (_, win) => {
    const seen: string[] = []
    const stop = watchNavigation(
      (url) => seen.push(new URL(url).pathname + new URL(url).hash),
      win(),
    )
    const link = document.createElement('a')
    link.href = '#pricing'
    document.body.append(link)
    link.click()
    location.hash = '#faq'
    location.hash = '#/reports'
    location.hash = '#/reports/42'
    location.hash = '#top'
    location.hash = '#!/settings'
    history.pushState(null, '', '/docs#install')
    await new Promise((r) => setTimeout(r, 50))
    stop()
    link.remove()
    expect(seen).toEqual(['/#/reports', '/#/reports/42', '/#top', '/#!/settings', '/docs#install'])
  })

  it('keeps going when the listener throws', () => {
    let calls = 0
    const stop = watchNavigation(() => {
      calls++
      throw new Error('listener bug')
    })
    history.pushState(null, '', '/one')
    history.pushState(null, '', '/two')
    stop()
    expect(calls).toBe(2)
  })
})
