import type { BrowserContext, Page } from '@playwright/test'
import { CHAOS_KEY } from './chaosCollector'
import { hostHtml } from './host'

/** The host page: Sonde through its script tag, plus listeners counting what it reports. */
export const chaosHostHtml = hostHtml(
  { endpoint: '/v1/batch', key: CHAOS_KEY, config: '/fixtures/e2e.config.json' },
  // Queued by the stub before the bundle arrives, so nothing Sonde reports is missed. `sent`
  // counts the survey events, each of which Sonde hands to its outbox; `queued` the
  // `delivery:queued` that follow once each is stored.
  `<script>(() => {
  const c = (window.__chaos = { sent: 0, queued: 0, open: null, completed: null, dropped: [], degraded: 0 })
  const count = () => { c.sent++ }
  sonde.on('survey:shown', (p) => { c.sent++; c.open = p.responseId })
  sonde.on('survey:answered', count)
  sonde.on('survey:completed', (p) => { c.sent++; c.open = null; c.completed = p.responseId })
  sonde.on('survey:dismissed', count)
  sonde.on('delivery:queued', () => { c.queued++ })
  sonde.on('delivery:dropped', (p) => { c.dropped.push(p.reason) })
  sonde.on('delivery:degraded', () => { c.degraded++ })
})()</script>`,
)

interface Probe {
  sent: number
  queued: number
  open: string | null
  /** The last response completed. */
  completed: string | null
  dropped: string[]
  degraded: number
}
type ChaosWindow = Window & {
  __chaos: Probe
  sonde: { show(id: string): void; flush(): Promise<{ sent: number; pending: number }> }
}

/** The survey answered over and over: one CSAT question, no recontact wait, no cooldown. */
const SURVEY = 'csat-ticket'

/**
 * Answers surveys in the page, one per entry of `stars`, through Sonde's own prompt: `show()`,
 * then a click on the star and on the close button of the thank-you screen, from inside the
 * page. The clicks are the DOM's own (`element.click()`), not Playwright's: its actionability
 * round trip per click would make 10,000 answers take half an hour, and the prompt reacts to
 * both the same way. A prompt still on screen from an earlier call (its show() came back late)
 * is answered first. Stops early when the prompt does not come (another tab has one on screen).
 * Resolves to the response ids answered, in order.
 */
function answerInPage(args: {
  survey: string
  stars: number[]
  showWaitMs: number
  timeoutMs: number
}): Promise<string[]> {
  const w = window as unknown as ChaosWindow
  const c = w.__chaos
  const root = () => document.querySelector('sonde-root')?.shadowRoot ?? null
  const until = async (done: () => boolean, ms: number) => {
    const end = performance.now() + ms
    while (!done()) {
      if (performance.now() > end) return false
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    return true
  }
  const fail = (what: string) => {
    throw new Error(`${what} (sent ${c.sent}, queued ${c.queued}, open ${c.open})`)
  }
  const answerOne = async (stars: number) => {
    if (!c.open) {
      // One prompt at a time across tabs (a Web Lock): while another tab holds it, the show()
      // would be skipped silently, so look first, and let the driver try again later.
      const held = (await navigator.locks.query()).held ?? []
      if (held.some((lock) => lock.name?.endsWith(':screen'))) return null
      w.sonde.show(args.survey)
      if (!(await until(() => c.open !== null, args.showWaitMs))) return null
    }
    const id = c.open as string
    const star = root()?.querySelectorAll<HTMLElement>('[role=radio]')[stars - 1]
    if (!star) fail(`no star ${stars} in the prompt of ${id}`)
    star?.click()
    if (!(await until(() => c.completed === id, args.timeoutMs))) fail(`${id} not completed`)
    root()?.querySelector<HTMLElement>('button.x')?.click()
    if (!(await until(() => !document.querySelector('sonde-root'), args.timeoutMs))) {
      fail(`the prompt of ${id} did not close`)
    }
    return id
  }
  return (async () => {
    const ids: string[] = []
    for (const stars of args.stars) {
      const id = await answerOne(stars)
      if (!id) break
      ids.push(id)
    }
    return ids
  })()
}

/** One browser tab of the run, and what its driver is asked to do between two answers. */
export interface TabSlot {
  index: number
  page: Page
  next: 'reload' | 'kill' | null
  answered: number
}

/** Opens the host page in a new tab and waits for Sonde and the probe to be there. */
export async function openTab(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage()
  await loadHost(page, origin)
  return page
}

// A page that cannot load fails the run at once, rather than hang it until its timeout.
const LOAD_TIMEOUT_MS = 30_000

async function loadHost(page: Page, origin: string) {
  const timeout = LOAD_TIMEOUT_MS
  if (page.url().startsWith(origin)) await page.reload({ timeout })
  else await page.goto(`${origin}/app/reports`, { timeout })
  await page.waitForFunction(
    () => {
      const w = window as unknown as ChaosWindow & { sonde: { __sonde?: boolean } }
      return w.sonde?.__sonde === true && !!w.__chaos
    },
    undefined,
    { timeout },
  )
}

/** Answers surveys on `page`, one per entry of `stars`; the response ids, fewer if cut short. */
export function answer(page: Page, stars: number[]): Promise<string[]> {
  return page.evaluate(answerInPage, {
    survey: SURVEY,
    stars,
    showWaitMs: 5_000,
    timeoutMs: 15_000,
  })
}

/**
 * Whether a prompt is still on screen in this tab (its show() came back late), once every event
 * Sonde sent so far is stored in the outbox: `delivery:queued` has caught up with the survey
 * events. The last thing done before a tab goes away, since what is not stored yet when a page
 * dies is lost by nature, outbox or not.
 */
export async function settled(page: Page): Promise<{ open: boolean }> {
  return page.evaluate(async () => {
    const c = (window as unknown as ChaosWindow).__chaos
    const end = performance.now() + 15_000
    while (c.queued < c.sent) {
      if (performance.now() > end) throw new Error(`${c.sent - c.queued} events never queued`)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    return { open: c.open !== null }
  })
}

/** What this tab's Sonde reported dropping or degrading; both must stay empty. */
export function troubles(page: Page): Promise<{ dropped: string[]; degraded: number }> {
  return page.evaluate(() => {
    const { dropped, degraded } = (window as unknown as ChaosWindow).__chaos
    return { dropped, degraded }
  })
}

/** `sonde.flush()`: sends what is pending now, skipping backoff waits. */
export function flush(page: Page): Promise<{ sent: number; pending: number }> {
  return page.evaluate(() => (window as unknown as ChaosWindow).sonde.flush())
}

/** Reloads the tab: the page goes away the ordinary way (pagehide, the unload path). */
export async function reloadTab(slot: TabSlot, origin: string): Promise<void> {
  await loadHost(slot.page, origin)
}

/**
 * Kills the tab the way a crash or the OOM killer does: the renderer dies (CDP Page.crash), no
 * pagehide, no unload path, a send or an IndexedDB write possibly cut in the middle; then a new
 * tab opens in its place.
 */
export async function killTab(slot: TabSlot, context: BrowserContext, origin: string) {
  const cdp = await context.newCDPSession(slot.page)
  const crashed = slot.page.waitForEvent('crash', { timeout: LOAD_TIMEOUT_MS })
  // The command never answers: its renderer is gone.
  void cdp.send('Page.crash').catch(() => undefined)
  await crashed
  await slot.page.close()
  slot.page = await openTab(context, origin)
}
