// The SDK at run time in Chromium (issue 6), on a host page that uses only the script tag
// (inline stub + dist/sonde.js with data-* attributes), served from a local server:
//   1. init: main-thread time from the stub to Sonde's first evaluation (script evaluation,
//      auto-init from data-*, stored state, config fetch and the first page view), in a fresh
//      context each run; and the long tasks among that work.
//   2. trigger → prompt painted: from `track()` to the frame that paints the prompt, with the UI
//      chunk cold (a fresh context: fetched, compiled) and cached (later prompts on a page).
// Main-thread time is read from a Chrome trace: the CPU time (`tdur`) of the renderer main
// thread's tasks, which a machine shared with other jobs inflates far less than wall time. The
// host page runs no script of its own, so every task running script in the measured windows is
// Sonde's (or the harness's marks, a few microseconds). The verdicts use those CPU figures:
// init's p50, long tasks by their CPU time, and for "prompt painted" the main-thread work from
// the trigger to the painted frame (script, style, layout, paint), since the wall time also
// holds the wait for the next vsync (up to a frame) and, on a busy machine, the scheduler's.
// Wall times are printed beside them: in the DOM, at the next frame, painted.
// Budgets: init ≤ 3 ms of main-thread time and no long task; prompt painted ≤ 16 ms p95 cached.
// Run: pnpm exec tsx bench/runtime.ts   (Chromium: $SONDE_CHROMIUM, else /usr/bin/chromium;
// the build measured: $SONDE_SDK_DIST, else packages/sdk/dist, built first if missing)
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright'

const COLD_RUNS = 10
const CACHED_RUNS = 30
const INIT_BUDGET_MS = 3
const PAINT_BUDGET_MS = 16
const LONG_TASK_MS = 50
// Sonde's startup (stored state, config fetch, first evaluation) is over well before this.
const INIT_WAIT_MS = 500
// Budgets the SDK is known not to meet yet: printed as MISSED without failing CI. Remove an
// entry once it is met, so that it guards against regressions from then on.
// - init: sonde.js builds every zod/mini schema of @sonde/core when it is evaluated and parses
//   the options and the config with them; that alone is several times the budget.
const KNOWN_MISSES = new Set(['init'])

const executablePath = process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.error(`bench/runtime: no Chromium at ${executablePath}; set SONDE_CHROMIUM`)
  process.exit(1)
}
const root = fileURLToPath(new URL('..', import.meta.url))
// SONDE_SDK_DIST measures another build of the SDK (say, a copy kept aside for comparison).
const dist = process.env.SONDE_SDK_DIST ?? join(root, 'packages/sdk/dist')
if (!process.env.SONDE_SDK_DIST && !existsSync(join(dist, 'sonde.js'))) {
  execFileSync('pnpm', ['--filter', '@sonde/sdk', 'run', '-s', 'build'], { cwd: root })
}

// One CSAT survey on an event, which may show again at once (no recontact wait, no cooldown).
const config = {
  settings: { cooldownDays: 0 },
  surveys: [
    {
      id: 'csat-bench',
      version: 1,
      kind: 'csat',
      locale: 'en',
      questions: [{ id: 'csat', type: 'rating', scale: 5, text: 'How satisfied are you?' }],
      trigger: { event: 'ticket_closed' },
      frequency: { recontactDays: 0, dismissCooldownDays: 0 },
    },
  ],
}
const stub = readFileSync(join(dist, 'stub.js'), 'utf8')
const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>${stub}</script>
<script async src="/sdk/sonde.js" data-endpoint="/v1/batch" data-key="pk_bench"
 data-config="/config.json"></script></head>
<body><main><h1>Reports</h1><p>A host page that runs no script of its own.</p></main></body></html>`

// The SDK's files are cacheable, as a CDN would serve them: "cached" then means cached.
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (req.method === 'POST') {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        events: { id: string }[]
      }
      const accepted = batch.events.map((e) => e.id)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ accepted, rejected: [] }))
    })
    return
  }
  if (path === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    return void res.end(JSON.stringify(config))
  }
  if (path.startsWith('/sdk/')) {
    const file = normalize(join(dist, path.slice('/sdk/'.length)))
    if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end()
    const type = extname(file) === '.js' ? 'text/javascript' : 'application/json'
    res.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=3600' })
    return void res.end(readFileSync(file))
  }
  res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(host)
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { data?: { url?: string } }
}
// Not 'v8' nor the disabled-by-default timeline: their events slow the very code measured.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing']
// Events that run script; nested ones are counted once, through the outermost.
const SCRIPT = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'v8.compile',
  'v8.evaluateModule',
])
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask'])
// What a prompt makes the browser do: script, then style, layout and paint for its frame. Tasks
// with none of these (IPC, the tracing itself) are the harness's or the browser's own.
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'])

async function traced(browser: Browser, page: Page, run: () => Promise<void>) {
  await browser.startTracing(page, { categories: CATEGORIES })
  await run()
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[]
  }
  // The renderer's main thread is the one the harness's marks are on.
  const mark = traceEvents.find((e) => e.name.startsWith('bench:'))
  const main = traceEvents
    .filter((e) => e.ph === 'X' && e.pid === mark?.pid && e.tid === mark?.tid)
    .sort((a, b) => a.ts - b.ts)
  const marks = new Map(
    traceEvents.filter((e) => e.name.startsWith('bench:')).map((e) => [e.name, e.ts] as const),
  )
  return { main, marks }
}

/** Outermost events only: a script event inside another one is already in its duration. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = []
  let end = Number.NEGATIVE_INFINITY
  for (const e of events) {
    if (e.ts < end) continue
    kept.push(e)
    end = e.ts + (e.dur ?? 0)
  }
  return kept
}
const within = (from: number, to: number) => (e: TraceEvent) => e.ts >= from && e.ts < to
/** The main thread's tasks in [from, to) that ran script or rendered. */
function workIn(main: TraceEvent[], from: number, to: number): TraceEvent[] {
  const inside = main.filter(within(from, to))
  const busy = inside.filter((e) => SCRIPT.has(e.name) || RENDER.has(e.name))
  return outermost(inside.filter((e) => TASKS.has(e.name))).filter((task) => {
    const end = task.ts + (task.dur ?? 0)
    return busy.some((e) => e.ts >= task.ts && e.ts < end)
  })
}
const ms = (us: number) => us / 1000
const cpu = (events: TraceEvent[]) => ms(events.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0))
const wall = (events: TraceEvent[]) => ms(events.reduce((sum, e) => sum + (e.dur ?? 0), 0))

// In the page (strings: tsx's helpers must not leak into code that runs there). Resolves once
// the prompt is painted: `survey:shown` (the dialog is in the DOM), then the next animation
// frame, then a message, which runs once that frame is produced.
const prompt = (i: number) => `new Promise((resolve, reject) => {
  const sonde = window.sonde
  const since = performance.now()
  const timeout = setTimeout(() => reject(new Error('no prompt within 10 s')), 10000)
  // Normally ready long before; on a starved machine, wait (outside the measured window).
  const ready = () => sonde?.__sonde && sonde.canShow('csat-bench').reason !== 'loading'
  const measure = () => {
    const started = performance.now()
    const off = sonde.on('survey:shown', () => {
      off()
      const shown = performance.now()
      const root = document.querySelector('sonde-root')?.shadowRoot
      if (!root?.querySelector('[role=dialog]')) return reject(new Error('shown, no dialog'))
      requestAnimationFrame(() => {
        const frame = performance.now()
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          performance.mark('bench:painted:${i}')
          clearTimeout(timeout)
          const painted = performance.now()
          resolve({ shown: shown - started, frame: frame - started, painted: painted - started })
        }
        channel.port2.postMessage(null)
      })
    })
    performance.mark('bench:trigger:${i}')
    sonde.track('ticket_closed')
  }
  const go = () => (ready() ? measure() : setTimeout(go, 20))
  go()
})`
const CLOSE = `new Promise((resolve) => {
  const root = document.querySelector('sonde-root')
  root?.shadowRoot?.querySelector('button[aria-label=Close]')?.click()
  const wait = () => (document.querySelector('sonde-root') ? setTimeout(wait, 5) : resolve(null))
  wait()
})`

interface Prompt {
  shown: number
  frame: number
  painted: number
}
interface Sample {
  /** Main-thread CPU time of the tasks between trigger and painted (or of init's script). */
  cpu: number
  wall: number
}
interface Startup extends Sample {
  /** The CPU time of evaluating sonde.js, which runs init() from its data-* attributes. */
  evaluation: number
}

const browser = await chromium.launch({ executablePath })
const init: Startup[] = []
const longTasks = { wall: 0, cpu: 0 }
const cold: (Sample & Prompt)[] = []
const cached: (Sample & Prompt)[] = []
const started = Date.now()

// 1 and 2 (cold): a fresh context each run, so nothing is cached, nothing stored.
for (let run = 0; run < COLD_RUNS; run++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  let shown: Prompt | null = null
  const { main, marks } = await traced(browser, page, async () => {
    await page.goto(`${origin}/app`, { waitUntil: 'load' })
    // Hands off the page while Sonde starts: any evaluate would inject Playwright's own script.
    // The first evaluation is long done by then (checked by the prompt script).
    await page.waitForTimeout(INIT_WAIT_MS)
    shown = (await page.evaluate(prompt(run))) as Prompt
  })
  if (!shown) throw new Error('bench/runtime: no prompt')
  const trigger = marks.get(`bench:trigger:${run}`) ?? Number.POSITIVE_INFINITY
  const painted = marks.get(`bench:painted:${run}`) ?? Number.POSITIVE_INFINITY
  // Init ends where Playwright's first script (a compile of its own, with no URL) begins.
  const harness = main.find((e) => e.name === 'EvaluateScript' && !e.args?.data?.url)
  const end = Math.min(trigger, harness?.ts ?? trigger)
  const startup = outermost(main.filter((e) => SCRIPT.has(e.name) && e.ts < end))
  // The script's evaluation, which runs init() from its data-* attributes.
  const evaluation = startup.filter(
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/sdk/sonde.js'),
  )
  if (evaluation.length === 0) {
    throw new Error('bench/runtime: sonde.js did not run in the measured window')
  }
  init.push({ cpu: cpu(startup), wall: wall(startup), evaluation: cpu(evaluation) })
  for (const task of main.filter((e) => TASKS.has(e.name) && e.ts < end)) {
    const until = task.ts + (task.dur ?? 0)
    if (!startup.some((e) => e.ts >= task.ts && e.ts < until)) continue
    if ((task.dur ?? 0) >= LONG_TASK_MS * 1000) longTasks.wall++
    if ((task.tdur ?? 0) >= LONG_TASK_MS * 1000) longTasks.cpu++
  }
  const work = workIn(main, trigger, painted)
  cold.push({ ...(shown as Prompt), cpu: cpu(work), wall: (shown as Prompt).painted })
  await context.close()
}

// 2 (cached): one page whose first prompt loaded the UI chunk; the later prompts, one trace.
{
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${origin}/app`, { waitUntil: 'load' })
  await page.waitForTimeout(INIT_WAIT_MS)
  await page.evaluate(prompt(-1))
  await page.evaluate(CLOSE)
  const shown: Prompt[] = []
  const { main, marks } = await traced(browser, page, async () => {
    for (let run = 0; run < CACHED_RUNS; run++) {
      shown.push((await page.evaluate(prompt(run))) as Prompt)
      await page.evaluate(CLOSE)
    }
  })
  shown.forEach((one, run) => {
    const trigger = marks.get(`bench:trigger:${run}`) ?? Number.POSITIVE_INFINITY
    const painted = marks.get(`bench:painted:${run}`) ?? Number.POSITIVE_INFINITY
    const work = workIn(main, trigger, painted)
    cached.push({ ...one, cpu: cpu(work), wall: one.painted })
  })
  await context.close()
}
await browser.close()
server.close()

const at = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}
const f = (n: number) => n.toFixed(2).padStart(7)
const misses: string[] = []
/** One figure: p50 and p95 of `values`, then its budget's verdict if it has one. */
function line(label: string, values: number[], budget?: { name: string; p: number; max: number }) {
  let verdict = ''
  if (budget) {
    const figure = at(values, budget.p)
    const ok = figure <= budget.max
    if (!ok) misses.push(budget.name)
    const state = ok ? 'ok' : KNOWN_MISSES.has(budget.name) ? 'MISSED (known)' : 'MISSED'
    verdict = `   budget p${budget.p * 100} ≤ ${budget.max} ms: ${state}`
  }
  console.log(
    `  ${label.padEnd(28)} p50 ${f(at(values, 0.5))} ms  p95 ${f(at(values, 0.95))} ms${verdict}`,
  )
}

console.log(`runtime in Chromium (${executablePath}), ${Date.now() - started} ms`)
console.log(`init + first evaluation, main thread, ${COLD_RUNS} fresh contexts`)
line(
  'CPU',
  init.map((s) => s.cpu),
  { name: 'init', p: 0.5, max: INIT_BUDGET_MS },
)
line(
  '  of which sonde.js + init()',
  init.map((s) => s.evaluation),
)
line(
  'wall',
  init.map((s) => s.wall),
)
if (longTasks.cpu > 0) misses.push('long tasks')
const longVerdict = longTasks.cpu === 0 ? 'ok' : `MISSED: ${longTasks.cpu}`
const longTitle = `long tasks (≥ ${LONG_TASK_MS} ms)`.padEnd(28)
const counts = `by CPU ${longTasks.cpu}, by wall ${longTasks.wall}`
console.log(`  ${longTitle} ${counts.padEnd(33)}   budget 0 by CPU: ${longVerdict}`)
console.log(`trigger → prompt painted, UI chunk cold (${COLD_RUNS} fresh contexts)`)
line(
  'main-thread CPU',
  cold.map((s) => s.cpu),
)
line(
  'wall: in the DOM',
  cold.map((s) => s.shown),
)
line(
  'wall: painted',
  cold.map((s) => s.painted),
)
console.log(`trigger → prompt painted, UI chunk cached (${CACHED_RUNS} prompts on one page)`)
line(
  'main-thread CPU',
  cached.map((s) => s.cpu),
  { name: 'prompt painted', p: 0.95, max: PAINT_BUDGET_MS },
)
line(
  'wall: in the DOM',
  cached.map((s) => s.shown),
)
line(
  'wall: next frame',
  cached.map((s) => s.frame),
)
line(
  'wall: painted',
  cached.map((s) => s.painted),
)
const unexpected = misses.filter((name) => !KNOWN_MISSES.has(name))
if (misses.length > 0) {
  console.log(
    `MISSED: ${misses.join(', ')}${unexpected.length === 0 ? ' (known, see KNOWN_MISSES)' : ''}`,
  )
}
process.exit(unexpected.length > 0 ? 1 : 0)
