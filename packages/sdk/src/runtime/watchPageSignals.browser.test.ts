import type { Signal } from '@sonde/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { hideTab } from '../test/hideTab'
import { startOnStaleConfig } from '../test/startOnStaleConfig'
import { startWithSurvey } from '../test/startWithSurvey'
import type { Sonde } from './types'
import { watchPageSignals } from './watchPageSignals'

// Time-on-page triggers in Chromium, whose timers hold at most 2^31 - 1 ms (24.8 days) and fire
// at once beyond that.
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]

describe('a time-on-page trigger', () => {
  it.each([
    ['30 days', 30 * 86_400],
    ['a year', 365 * 86_400],
  ])('of %s does not fire as the page opens', async (_, seconds) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const survey = { ...csat, id: `long-${seconds}`, trigger: { timeOnPageSeconds: seconds } }
    const { sonde, shown } = startWithSurvey(survey)
    made.push(sonde)
    await sleep(1_500)
    expect(shown).not.toHaveBeenCalled()
    // Said once, naming the field, like any other value Sonde cannot honour.
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('surveys[0].trigger.timeOnPageSeconds'),
    )
  })
})

describe('a time-on-page trigger in a remote config', () => {
  // The README: a change to the config reaches a visitor within 5 minutes, not on their next
  // page. A survey added remotely, seen as the page revalidates its stale copy, was never timed
  // on that page: its seconds were armed from the copy the page started with.
  it('added by the background revalidation is timed on the same page', async () => {
    const survey = { ...csat, id: 'added', trigger: { timeOnPageSeconds: 1 } }
    const sonde = await startOnStaleConfig({ surveys: [] }, { surveys: [survey] } as never)
    made.push(sonde)
    const shown = vi.fn()
    sonde.on('survey:shown', shown)
    await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 3_000 })
  })
})

describe('scroll depth', () => {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  // An app shell: the document never scrolls, a full-height <main> does.
  const shell = () => {
    const main = document.createElement('main')
    main.style.height = '100vh'
    main.style.overflowY = 'auto'
    main.append(Object.assign(document.createElement('div'), { style: 'height: 4000px' }))
    document.documentElement.style.overflow = 'hidden'
    document.body.append(main)
    return main
  }
  afterEach(() => {
    document.documentElement.style.overflow = ''
    for (const el of document.querySelectorAll('main')) el.remove()
  })

  it('follows a page whose scrolling element is a full-height container', async () => {
    const main = shell()
    const seen: Signal[] = []
    const signals = watchPageSignals(
      (s) => seen.push(s),
      () => [],
    )
    main.scrollTop = (main.scrollHeight - main.clientHeight) / 2
    await frames()
    signals.stop()
    expect(seen).toEqual([{ type: 'scroll', percent: 50 }])
    expect(signals.view.scrollDepth).toBe(0.5)
  })

  it('does not take a small scrolled list for the page', async () => {
    const list = document.createElement('main')
    list.style.height = '80px'
    list.style.overflow = 'auto'
    list.append(Object.assign(document.createElement('div'), { style: 'height: 400px' }))
    document.body.append(list)
    const seen: Signal[] = []
    const signals = watchPageSignals(
      (s) => seen.push(s),
      () => [],
    )
    list.scrollTop = 400
    await frames()
    signals.stop()
    expect(seen).toEqual([])
  })

  it('does not take a tall carousel scrolled sideways for 100% of the page', async () => {
    const carousel = document.createElement('main')
    carousel.style.height = '100vh'
    carousel.style.overflowX = 'auto'
    carousel.append(Object.assign(document.createElement('div'), { style: 'width: 4000px' }))
    document.body.append(carousel)
    const seen: Signal[] = []
    const signals = watchPageSignals(
      (s) => seen.push(s),
      () => [],
    )
    carousel.scrollLeft = 1000
    await frames()
    signals.stop()
    expect(seen).toEqual([])
  })

  it('still follows the document itself', async () => {
    const tall = document.createElement('main')
    tall.style.height = '4000px'
    document.body.append(tall)
    const seen: Signal[] = []
    const signals = watchPageSignals(
      (s) => seen.push(s),
      () => [],
    )
    const root = document.documentElement
    scrollTo(0, root.scrollHeight - root.clientHeight)
    await frames()
    scrollTo(0, 0)
    signals.stop()
    expect(seen).toEqual([{ type: 'scroll', percent: 100 }])
  })
  // A host page that writes to its DOM as it scrolls (a virtual list, a sticky header) pays for
  // each layout a read forces after its write: nothing may be read in the scroll event itself,
  // and a frame's scroll events are measured once, after the frame.
  it('reads no layout in the scroll events, once after the frame', async () => {
    const tall = document.createElement('main')
    tall.style.height = '4000px'
    document.body.append(tall)
    const reads = vi.fn()
    for (const key of ['clientHeight', 'scrollHeight', 'scrollTop'] as const) {
      const get = Object.getOwnPropertyDescriptor(Element.prototype, key)?.get
      vi.spyOn(Element.prototype, key, 'get').mockImplementation(function (this: Element) {
        reads(key)
        return get?.call(this)
      })
    }
    const seen: Signal[] = []
    const signals = watchPageSignals(
      (s) => seen.push(s),
      () => [],
    )
    scrollTo(0, 2000)
    await frames()
    reads.mockClear()
    for (let i = 0; i < 20; i++) {
      tall.style.height = `${4000 + i}px`
      document.dispatchEvent(new Event('scroll'))
    }
    const inEvents = reads.mock.calls.length
    await frames()
    scrollTo(0, 0)
    signals.stop()
    expect(inEvents).toBe(0)
    expect(reads.mock.calls.map(([key]) => key).sort()).toEqual([
      'clientHeight',
      'clientHeight',
      'scrollHeight',
      'scrollTop',
    ])
    expect(seen.length).toBe(1)
  })
})

describe('time on page', () => {
  const onPage = (view: { enteredAt: number }, now: number) => now - view.enteredAt

  // What the usage context reports as engagement: an hour in a background tab is not an hour
  // spent on the page.
  it.each([
    ['hidden and shown again', false],
    ['hidden, then the app routes, then shown', true],
  ])('leaves out the time the tab was hidden (%s)', (_, routes) => {
    let now = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => now)
    const signals = watchPageSignals(
      () => {},
      () => [],
    )
    now += 5_000
    hideTab(true)
    now += 3_600_000
    if (routes) signals.restart('/before')
    now += 1_000
    hideTab(false)
    now += 2_000
    expect(onPage(signals.view, now)).toBe(routes ? 2_000 : 7_000)
    signals.stop()
  })
  // A link opened in a background tab (a middle click, "open in new tab") loads hidden: the
  // time before anyone first looked at it is no time on the page either.
  it('leaves out the time a page opened in a background tab waited to be first shown', () => {
    let now = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => now)
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true)
    const signals = watchPageSignals(
      () => {},
      () => [],
    )
    now += 3_600_000
    hideTab(false)
    now += 2_000
    expect(onPage(signals.view, now)).toBe(2_000)
    signals.stop()
  })

  // "After 30 s on the page" is 30 s the page was seen: counting the time in the background, a
  // prompt came up the moment a tab opened in the background was first looked at.
  it.each([
    ['hidden for a minute after 10 s', false],
    ['opened in a background tab', true],
  ])('fires a time-on-page trigger after the seconds the page was seen (%s)', (_, opened) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      const seen: Signal[] = []
      if (opened) vi.spyOn(document, 'hidden', 'get').mockReturnValue(true)
      const signals = watchPageSignals(
        (signal) => seen.push(signal),
        () => [30],
      )
      if (!opened) vi.advanceTimersByTime(10_000)
      hideTab(true)
      vi.advanceTimersByTime(60_000)
      expect(seen).toEqual([])
      hideTab(false)
      vi.advanceTimersByTime(opened ? 29_000 : 19_000)
      expect(seen).toEqual([])
      vi.advanceTimersByTime(1_000)
      expect(seen).toEqual([{ type: 'timeOnPage', seconds: 30 }])
      signals.stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
