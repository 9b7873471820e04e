// What the end user and the host page pay while a visitor answers, in Chromium with its CPU
// slowed as Lighthouse slows it for a mid-range phone (CDP Emulation.setCPUThrottlingRate 4x and
// 6x), on a host page of ~5,600 DOM nodes that runs no script of its own (the script tag alone):
//   1. INP-style latency of each interaction with the prompt, from Event Timing (the duration of
//      an interaction's slowest event, input to the next paint, durationThreshold 16 ms; one
//      under it counts as 16): a click on a scale point or a choice -> the next question
//      painted, a keystroke in the text field, Submit -> the thank-you, Close -> gone.
//   2. Long tasks (Long Tasks API, >= 50 ms) from the trigger to the prompt painted, the UI
//      chunk cold (a fresh context each run: fetched, parsed, first render, style sheets).
//   3. track() at a high rate: 50 calls in one task, with a config of 100 surveys (their
//      targeting, the visit's count in localStorage, one coalesced IndexedDB write).
//   4. The host's scroll events while nothing is on screen: layouts forced by the scroll-depth
//      signal when the host writes to its DOM before each (20 events), against the same writes
//      with no scroll event.
// Budgets, at 4x (6x is printed beside): each interaction p95 <= 200 ms, INP's "good" (a
// prompt alone must not take a page out of it); 50 track() in one task under a long task's
// 50 ms; no layout forced in the host's scroll events; no long task from trigger to painted.
// Figures are wall times under throttling on a shared machine: compare runs of one machine.
// Run: pnpm exec tsx bench/interaction.ts   (Chromium: $SONDE_CHROMIUM, else /usr/bin/chromium;
// the build measured: $SONDE_SDK_DIST, else packages/sdk/dist)
import { type BrowserContext, chromium, type Page } from 'playwright'
import { chromiumPath } from './lib/chromium'
import { serveSondeHost, sondeDist, TRIGGER_EVENT } from './lib/sonde'
import { percentile as at } from './lib/stats'
import { type Figure, writeFigures } from './lib/writeFigures'

const RATES = [4, 6] as const
const RUNS = 5
const KEYS = 'Export was slow'
const SURVEYS = 100

const SCALE = 'scale click -> next question'
const CHOICE = 'choice click -> next question'
const KEY = 'keystroke in the text field'
const SUBMIT = 'Submit -> thank-you'
const CLOSE = 'Close -> gone'
const LONG = 'long tasks, trigger -> painted (cold)'
const LONGEST = 'longest task, trigger -> painted (cold)'
const TRACK = '50 track() in one task'
const LAYOUTS = 'forced layouts, 20 host scroll events'
const INP = 200
const BUDGETS: Record<string, number> = {
  ...{ [SCALE]: INP, [CHOICE]: INP, [KEY]: INP, [SUBMIT]: INP, [CLOSE]: INP },
  ...{ [LONG]: 0, [TRACK]: 50, [LAYOUTS]: 0 },
}
// Budgets the SDK is known not to meet yet: printed as MISSED without failing. Remove an entry
// once it is met, so that it guards against regressions from then on.
// - long tasks to the cold prompt: the frame that first paints it is one task of ~50-65 ms at
//   4x, most of it the prompt's own first layout (~20-26 ms at 4x with a one-row host page as
//   with this one, so not the host's DOM: text and fonts laid out for the first time) and the
//   document's paint (~2 ms on a bare page, ~15 ms on this one, Chromium repainting the
//   document for any change); the chunks' script runs in tasks of its own, under 50 ms.
// (50 track() in one task, 50-92 ms p95 at 4x while each call wrote the visit to localStorage,
// is met since the call queue runs a burst in one go and writes it once: 25-28 ms.)
const KNOWN_MISSES = new Set([`${LONG} at 4x`])

const executablePath = chromiumPath('bench/interaction')
const dist = sondeDist()

// A scale, a choice, then a text field whose Submit ends it; 99 more surveys on other events.
const survey = {
  id: 'answer-bench',
  version: 1,
  kind: 'csat',
  locale: 'en',
  questions: [
    { id: 'score', type: 'rating', scale: 5, text: 'How satisfied are you?' },
    {
      id: 'why',
      type: 'choice',
      multiple: false,
      options: ['Speed', 'Format', 'Price', 'Support'].map((label) => ({ id: label, label })),
      text: 'What mattered most?',
    },
    { id: 'more', type: 'text', maxLength: 500, text: 'Anything else?' },
  ],
  trigger: { event: TRIGGER_EVENT },
  frequency: { recontactDays: 0, dismissCooldownDays: 0 },
}
const others = Array.from({ length: SURVEYS - 1 }, (_, i) => ({
  ...survey,
  id: `other-${i}`,
  questions: [survey.questions[0]],
  trigger: { event: `other_${i % 24}`, where: { plan: 'pro' } },
}))
const config = { settings: { cooldownDays: 0 }, surveys: [survey, ...others] }
const rows = Array.from(
  { length: 500 },
  (_, r) => `<tr>${Array.from({ length: 10 }, (_, c) => `<td>${r}.${c}</td>`).join('')}</tr>`,
).join('')
const server = await serveSondeHost(
  dist,
  `<main><h1>Reports</h1><table>${rows}</table></main>`,
  config,
)

// In the page before anything else: every event entry and long task, kept for the harness.
const OBSERVE = `window.__perf = { events: [], long: [] }
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if (e.interactionId) __perf.events.push({ id: e.interactionId, at: e.startTime, ms: e.duration })
}).observe({ type: 'event', durationThreshold: 16, buffered: true })
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) __perf.long.push({ at: e.startTime, ms: e.duration })
}).observe({ type: 'longtask', buffered: true })`
// Event Timing reports an interaction after its paint: two frames and a moment later, it is in.
const SETTLE = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() =>
  setTimeout(() => r(performance.now()), 50))))`

/** The prompt's `nth` element matching `selector`, as an expression run in the page. */
const find = (selector: string, nth = 0) =>
  `document.querySelector('sonde-root')?.shadowRoot?.querySelectorAll(${JSON.stringify(selector)})[${nth}]`

type Samples = Record<string, number[]>
const add = (to: Samples, key: string, value: number) => {
  to[key] ??= []
  to[key].push(value)
}

/** Runs `action`, then reads the interactions it made: the slowest event of each, >= 16. */
async function interactions(page: Page, action: () => Promise<unknown>): Promise<number[]> {
  const from = (await page.evaluate('performance.now()')) as number
  await action()
  const to = (await page.evaluate(SETTLE)) as number
  const events = (await page.evaluate('__perf.events')) as { id: number; at: number; ms: number }[]
  const worst = new Map<number, number>()
  for (const e of events) {
    if (e.at >= from && e.at < to) worst.set(e.id, Math.max(worst.get(e.id) ?? 0, e.ms))
  }
  return [...worst.values()]
}

async function run(context: BrowserContext, page: Page, seen: Samples, rate: number) {
  const shown = (selector: string) =>
    page.waitForFunction(`!!${find(selector)}`, undefined, { polling: 'raf' })
  const click = async (selector: string, nth = 0) => {
    const { x, y } = (await page.evaluate(`(() => {
      const box = ${find(selector, nth)}.getBoundingClientRect()
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    })()`)) as { x: number; y: number }
    await page.mouse.click(x, y)
  }
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.addInitScript(OBSERVE)
  await page.goto(`${server.origin}/app`, { waitUntil: 'load' })
  await page.waitForFunction(`window.sonde?.canShow('${survey.id}').reason !== 'loading'`)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  const layouts = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')
      ?.value ?? 0
  // 4: the host writes, then a scroll event, 20 times in one task; against the writes alone.
  const writes = (type: string) => `(() => {
    const main = document.querySelector('main')
    for (let i = 0; i < 20; i++) {
      main.style.paddingTop = (i % 2) + 'px'
      document.dispatchEvent(new Event('${type}'))
    }
    main.getBoundingClientRect()
  })()`
  let before = await layouts()
  await page.evaluate(writes('bench-none'))
  const alone = (await layouts()) - before
  before = await layouts()
  await page.evaluate(writes('scroll'))
  add(seen, LAYOUTS, Math.max(0, (await layouts()) - before - alone))
  // 3: 50 track() calls in one task, to the end of the microtasks they queue.
  const track = `new Promise((resolve) => {
    const t = performance.now()
    for (let i = 0; i < 50; i++) sonde.track('other_' + (i % 24), { plan: 'free' })
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now() - t)
    channel.port2.postMessage(null)
  })`
  add(seen, TRACK, (await page.evaluate(track)) as number)
  // 2 and 1: the prompt, cold, then each answer. Found and clicked through the shadow root
  // directly: Playwright's role queries walk the host's DOM in the page, long tasks of their own.
  const trigger = (await page.evaluate(
    `performance.now() + (sonde.track('${TRIGGER_EVENT}'), 0)`,
  )) as number
  await shown('.r')
  const painted = (await page.evaluate(SETTLE)) as number
  const long = (await page.evaluate('__perf.long')) as { at: number; ms: number }[]
  const inPrompt = long.filter((t) => t.at + t.ms > trigger && t.at < painted)
  add(seen, LONG, inPrompt.length)
  add(seen, LONGEST, Math.max(0, ...inPrompt.map((t) => t.ms)))
  const step = async (name: string, action: () => Promise<unknown>) => {
    const found = await interactions(page, action)
    for (const ms of found.length > 0 ? found : [16]) add(seen, name, ms)
  }
  await step(SCALE, async () => {
    await click('.r', 3)
    await shown('.o')
  })
  await step(CHOICE, async () => {
    await click('.o')
    await shown('textarea')
  })
  for (const key of KEYS) await step(KEY, () => page.keyboard.press(key))
  await step(SUBMIT, async () => {
    await click('.ft .b')
    await page.waitForFunction(`!${find('textarea')}`, undefined, { polling: 'raf' })
  })
  await step(CLOSE, async () => {
    await click('.x')
    await page.waitForFunction(`!document.querySelector('sonde-root')`, undefined, {
      polling: 'raf',
    })
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
}

const browser = await chromium.launch({ executablePath })
const started = Date.now()
const results = new Map<number, Samples>()
for (const rate of RATES) {
  const seen: Samples = {}
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext()
    await run(context, await context.newPage(), seen, rate)
    await context.close()
  }
  results.set(rate, seen)
}
await browser.close()
server.close()

const figures: Figure[] = []
const misses: string[] = []
const f = (n: number) => n.toFixed(1).padStart(6)
console.log(`interaction in Chromium (${executablePath}), ${Date.now() - started} ms`)
for (const [rate, seen] of results) {
  console.log(`CPU slowed ${rate}x (${RUNS} fresh contexts; ms unless a count)`)
  for (const [name, values] of Object.entries(seen)) {
    const budget = BUDGETS[name]
    const p95 = at(values, 0.95)
    // Budgets are set for 4x; 6x is printed beside them.
    const judged = budget !== undefined && rate === 4
    const passed = !judged || p95 <= budget
    const known = KNOWN_MISSES.has(`${name} at ${rate}x`)
    if (!passed && !known) misses.push(`${name} at ${rate}x`)
    const state = passed ? 'ok' : known ? 'MISSED (known)' : 'MISSED'
    const verdict = judged ? `   budget p95 <= ${budget}: ${state}` : ''
    console.log(
      `  ${name.padEnd(40)} p50 ${f(at(values, 0.5))}  p95 ${f(p95)}  (n ${values.length})${verdict}`,
    )
    figures.push({
      name: `${name}, ${rate}x, p95`,
      value: +p95.toFixed(1),
      ...(judged ? { budget, passed } : {}),
    })
  }
}
const kept = writeFigures('interaction', figures)
console.log(`figures: ${kept}`)
if (misses.length > 0) {
  console.log(`MISSED: ${misses.join('; ')}`)
  process.exitCode = 1
}
