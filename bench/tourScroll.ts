// What a tour step on screen costs the host page each frame it scrolls, in Chromium with its CPU
// slowed 4x (CDP Emulation.setCPUThrottlingRate, as Lighthouse slows it for a mid-range phone),
// on a host page of ~9,900 elements that runs no script of its own: the main thread's CPU time
// (script, style, layout, paint: trace `tdur`) per scroll frame over 30 wheel scrolls, with no
// tour (the page's own: a scroll Chromium composites needs almost none), with a step anchored
// to a cell of its table, and with that step's spotlight.
// Budget: a step's work per scroll frame <= 8 ms at 4x (half a 60 Hz frame, the rest the
// host's), the page's own included.
// Run: pnpm exec tsx bench/tourScroll.ts   (Chromium: $SONDE_CHROMIUM, else /usr/bin/chromium;
// the build measured: $SONDE_SDK_DIST, else packages/sdk/dist)
import { chromium } from 'playwright'
import { chromiumPath } from './lib/chromium'
import { serveSondeHost, sondeDist } from './lib/sonde'
import { percentile as at } from './lib/stats'
import { busyIn, cpu, traced } from './lib/trace'
import { writeFigures } from './lib/writeFigures'

const RATE = 4
const SCROLLS = 30
const RUNS = 3
const BUDGET_MS = 8
// Budgets the SDK is known not to meet yet: printed as MISSED without failing. Remove an entry
// once it is met, so that it guards against regressions from then on.
// - anchored: ~8 ms, down from ~16 ms when each frame also rewrote the tooltip's max-height and
//   floating-ui's layout-shift observer had the step placed a second time after the frame; the
//   rest is floating-ui placing it (six middlewares, each measuring) and the hole's box.
// - spotlight: ~8.3-8.6 ms (7-9.7 across runs), down from ~35 ms when the overlay's path was
//   drawn again for every frame the target moved and Chromium repainted the whole document for
//   it; the drawing is now moved by a composited transform. The rest is the anchored step's
//   placement (a modal step's with no transform written is ~7.7 ms) plus the style recalc and
//   layerize of that transform, about 1 ms.
const KNOWN_MISSES = new Set(['anchored', 'spotlight'])

const executablePath = chromiumPath('bench/tourScroll')
const dist = sondeDist()
const step = (spotlight: boolean) => ({
  id: spotlight ? 'spotlight' : 'anchored',
  version: 1,
  locale: 'en',
  trigger: { event: spotlight ? 'spotlight' : 'anchored' },
  steps: [
    { id: 'a', target: '#t', title: 'This cell', body: 'Look here.', spotlight },
    { id: 'b', title: 'Done' },
  ],
})
const config = { surveys: [], tours: [step(false), step(true)] }
const cell = (r: number, c: number) => `<td${r === 450 && c === 3 ? ' id="t"' : ''}>${r}.${c}</td>`
const rows = Array.from(
  { length: 900 },
  (_, r) => `<tr>${Array.from({ length: 10 }, (_, c) => cell(r, c)).join('')}</tr>`,
).join('')
const server = await serveSondeHost(dist, `<main><table>${rows}</table></main>`, config)

const browser = await chromium.launch({ executablePath })
/** Main-thread CPU per scroll frame with `tour` on screen (none: the page alone). */
async function perFrame(tour: string | null): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${server.origin}/app`, { waitUntil: 'load' })
  await page.waitForFunction(`window.sonde?.canShow('anchored', 'tour').reason !== 'loading'`)
  if (tour) {
    await page.evaluate(`sonde.track('${tour}')`)
    await page.waitForFunction(
      `document.querySelector('sonde-root')?.shadowRoot?.querySelector('.t')?.style.top`,
    )
  } else {
    await page.evaluate(`document.getElementById('t').scrollIntoView({ block: 'center' })`)
  }
  await page.waitForTimeout(500)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE })
  await page.mouse.move(300, 300)
  const { main, marks } = await traced(browser, page, async () => {
    await page.evaluate(`performance.mark('bench:from')`)
    for (let i = 0; i < SCROLLS; i++) {
      await page.mouse.wheel(0, i % 2 ? -40 : 40)
      await page.waitForTimeout(50)
    }
    await page.evaluate(`performance.mark('bench:to')`)
  })
  await context.close()
  const from = marks.get('bench:from') ?? 0
  const to = marks.get('bench:to') ?? 0
  return cpu(busyIn(main, from, to)) / SCROLLS
}

const started = Date.now()
const seen: Record<string, number[]> = { page: [], anchored: [], spotlight: [] }
for (let run = 0; run < RUNS; run++) {
  seen.page?.push(await perFrame(null))
  seen.anchored?.push(await perFrame('anchored'))
  seen.spotlight?.push(await perFrame('spotlight'))
}
await browser.close()
server.close()

console.log(`tour scroll in Chromium (${executablePath}), ${Date.now() - started} ms`)
console.log(`main-thread CPU per scroll frame, ${RATE}x slower CPU (${RUNS} runs, p50)`)
const misses: string[] = []
const figures = Object.entries(seen).map(([name, values]) => {
  const value = +at(values, 0.5).toFixed(2)
  const judged = name !== 'page'
  const passed = value <= BUDGET_MS
  const known = KNOWN_MISSES.has(name)
  if (judged && !passed && !known) misses.push(name)
  const state = passed ? 'ok' : known ? 'MISSED (known)' : 'MISSED'
  const label = name === 'page' ? 'the page alone' : `a step, ${name}`
  const verdict = judged ? `   budget <= ${BUDGET_MS} ms: ${state}` : ''
  console.log(`  ${label.padEnd(24)} ${value.toFixed(2).padStart(7)} ms${verdict}`)
  return {
    name: `${label}, per scroll frame at ${RATE}x`,
    value,
    unit: 'ms',
    ...(judged ? { budget: BUDGET_MS, passed } : {}),
  }
})
console.log(`figures: ${writeFigures('tour-scroll', figures)}`)
if (misses.length > 0) {
  console.log(`MISSED: ${misses.join(', ')}`)
  process.exitCode = 1
}
