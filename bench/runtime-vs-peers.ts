// Sonde beside posthog-js at run time in Chromium (issue 9): the same host page (the same body,
// no script of its own) with each SDK installed by its script tag, their endpoints mocked on
// loopback (lib/sonde.ts, lib/posthog.ts), the same 1–5 rating survey shown on the same event.
// Per SDK:
//   1. init: main-thread CPU of every script from navigation to the end of a fixed window
//      (INIT_WINDOW_MS, the same for both): loading, evaluating and starting the SDK, fetching
//      its config and survey definitions, its first evaluation.
//   2. trigger → survey visible: from the event (`sonde.track` / `posthog.capture`) to the
//      frame that paints the survey, detected the same way for both (lib/prompt.ts: in the DOM,
//      then painted); cold (a fresh context, first survey on the page) and cached (later surveys
//      on one page). Wall time, and the main-thread CPU of the script and rendering in between.
//   3. long tasks in both windows: the Long Tasks API's (≥ 50 ms of wall time, read from the
//      page afterwards), and, since wall time swells on a loaded machine, script runs of ≥ 50 ms
//      of CPU from the trace.
// CPU figures come from Chrome traces (lib/trace.ts) as in bench/runtime.ts, but without task
// events (see WITHOUT_TASKS): init is measured exactly as there; trigger → painted counts the
// script and rendering events rather than the tasks holding them. The two SDKs' runs alternate,
// so load on this shared machine falls on both alike.
// A comparison, not a budget: it exits 0 whatever the ratios say, 1 only when a measurement
// cannot be taken. Writes node_modules/.cache/sonde-bench/runtime-vs-peers.json for
// bench/report.ts. Run: pnpm exec tsx bench/runtime-vs-peers.ts
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright'
import { chromiumPath } from './lib/chromium'
import { compare, type Row } from './lib/comparison'
import { versionOf } from './lib/peer'
import {
  POSTHOG_SCRIPT,
  POSTHOG_VERSION,
  posthogHead,
  posthogProbe,
  posthogRoutes,
} from './lib/posthog'
import {
  closeScript,
  longTasksIn,
  type PageTimeline,
  type Prompt,
  promptScript,
  type SurveyProbe,
  TIMELINE_SCRIPT,
} from './lib/prompt'
import { hostPage, serve } from './lib/server'
import { sondeDist, sondeHead, sondeProbe, sondeRoutes } from './lib/sonde'
import { percentile } from './lib/stats'
import {
  busyIn,
  cpu,
  LONG_TASK_MS,
  record,
  type Startup,
  startup,
  type Trace,
  type TraceEvent,
  thread,
  WITHOUT_TASKS,
} from './lib/trace'
import { writeFigures } from './lib/writeFigures'

// Few runs: CI runs every bench, and this one should take about a minute and a half at most.
const COLD_RUNS = 4
const CACHED_RUNS = 10
// Both SDKs are started well before this on loopback (posthog fetches three files more); a run
// where one is not is counted and printed, since its init figure is then cut short.
const INIT_WINDOW_MS = 1500

const executablePath = chromiumPath('bench/runtime-vs-peers')
const dist = sondeDist()
const root = fileURLToPath(new URL('..', import.meta.url))

interface Contender {
  /** Names its marks. */
  id: string
  name: string
  /** The host page's path on the loopback server. */
  page: string
  /** The SDK's main file, whose evaluation starts it. */
  script: string
  probe: SurveyProbe
}

const sonde: Contender = {
  id: 'sonde',
  name: `Sonde ${versionOf(`${root}packages/sdk`)}`,
  page: '/sonde',
  script: '/sdk/sonde.js',
  probe: sondeProbe,
}
const posthog: Contender = {
  id: 'posthog',
  name: `posthog-js ${POSTHOG_VERSION}`,
  page: '/posthog',
  script: POSTHOG_SCRIPT,
  probe: posthogProbe,
}
const contenders = [sonde, posthog]

let origin = ''
const server = await serve([
  sondeRoutes(dist),
  posthogRoutes,
  ({ path }) => {
    const head =
      path === sonde.page ? sondeHead(dist) : path === posthog.page ? posthogHead(origin) : null
    return head === null ? undefined : { type: 'text/html', body: hostPage(head) }
  },
])
origin = server.origin

interface Sample extends Prompt {
  /** Main-thread CPU of the script and rendering from trigger to painted. */
  cpu: number
}
interface Results {
  init: Startup[]
  /** Cold runs where the SDK was not ready at the end of the init window. */
  late: number
  cold: Sample[]
  cached: Sample[]
  /** Long tasks (Long Tasks API) during init, over the cold runs. */
  initLongTasks: number
  /** Long tasks (Long Tasks API) from trigger to painted, over all surveys. */
  promptLongTasks: number
  /** Script or rendering events of LONG_TASK_MS of CPU or more from trigger to painted. */
  promptLongRuns: number
}
const results = new Map<Contender, Results>(
  contenders.map((c) => [
    c,
    {
      init: [],
      late: 0,
      cold: [],
      cached: [],
      initLongTasks: 0,
      promptLongTasks: 0,
      promptLongRuns: 0,
    },
  ]),
)
const isLong = (e: TraceEvent) => (e.tdur ?? 0) >= LONG_TASK_MS * 1000

/** Survey `id` of a trace: its wall times, and the main thread's work from trigger to painted. */
function sample(c: Contender, { main, marks }: Trace, shown: Shown): Sample {
  const trigger = marks.get(`bench:trigger:${shown.id}`) ?? Number.POSITIVE_INFINITY
  const painted = marks.get(`bench:painted:${shown.id}`) ?? Number.POSITIVE_INFINITY
  const work = busyIn(main, trigger, painted)
  const r = results.get(c)!
  r.promptLongRuns += work.filter(isLong).length
  r.promptLongTasks += shown.longTasks
  return { ...shown.prompt, cpu: cpu(work) }
}

interface Shown {
  c: Contender
  id: string
  prompt: Prompt
  /** Long tasks from its trigger to its painted frame. */
  longTasks: number
  /** The page's long tasks and marks, read once it was painted. */
  timeline: PageTimeline
}

/** Survey `id`: triggered, visible, then long tasks read from the page between the two. */
async function show(page: Page, c: Contender, id: string): Promise<Shown> {
  const prompt = (await page.evaluate(promptScript(c.probe, id))) as Prompt
  const timeline = (await page.evaluate(TIMELINE_SCRIPT)) as PageTimeline
  const from = timeline.marks[`bench:trigger:${id}`] ?? Number.NaN
  const to = timeline.marks[`bench:painted:${id}`] ?? Number.NaN
  return { c, id, prompt, longTasks: longTasksIn(timeline, from, to), timeline }
}

/** A fresh context (nothing cached, nothing stored): init, then the first survey on the page. */
async function coldRun(browser: Browser, c: Contender, id: string): Promise<Shown> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${origin}${c.page}`, { waitUntil: 'load' })
  // Hands off the page while the SDK starts: any evaluate runs Playwright's own script, which
  // ends the init window.
  await page.waitForTimeout(INIT_WINDOW_MS)
  const r = results.get(c)!
  if (!(await page.evaluate(c.probe.ready))) r.late++
  const shown = await show(page, c, id)
  const { timeline } = shown
  r.initLongTasks += longTasksIn(timeline, 0, timeline.marks[`bench:trigger:${id}`] ?? Number.NaN)
  await context.close()
  return shown
}

/** One page per SDK whose first survey loaded and rendered what later ones reuse. */
async function cachedPage(browser: Browser, c: Contender): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${origin}${c.page}`, { waitUntil: 'load' })
  await page.waitForTimeout(INIT_WINDOW_MS)
  await page.evaluate(promptScript(c.probe, `${c.id}-first`))
  await page.evaluate(closeScript(c.probe))
  return page
}

/** The later surveys on that page. */
async function cachedRuns(page: Page, c: Contender): Promise<Shown[]> {
  const shown: Shown[] = []
  for (let run = 0; run < CACHED_RUNS; run++) {
    shown.push(await show(page, c, `${c.id}-cached-${run}`))
    await page.evaluate(closeScript(c.probe))
  }
  await page.context().close()
  return shown
}

const started = Date.now()
const browser = await chromium.launch({ executablePath })
try {
  // Two traces in all, each over many pages (Chrome traces every process): stopping a trace
  // costs seconds on a loaded machine. Without task events, which slow everything down there.
  const cold: Shown[] = []
  const coldTrace = await record(
    browser,
    async () => {
      for (let run = 0; run < COLD_RUNS; run++) {
        // Alternate which goes first, so neither always follows the other's work.
        const order = run % 2 === 0 ? contenders : [...contenders].reverse()
        for (const c of order) cold.push(await coldRun(browser, c, `${c.id}-${run}`))
      }
    },
    { categories: WITHOUT_TASKS },
  )
  for (const shown of cold) {
    const trace = thread(coldTrace, `bench:trigger:${shown.id}`)
    const trigger = trace.marks.get(`bench:trigger:${shown.id}`) ?? Number.POSITIVE_INFINITY
    const r = results.get(shown.c)!
    r.init.push(startup(trace, trigger, shown.c.script))
    r.cold.push(sample(shown.c, trace, shown))
  }
  const pages = await Promise.all(contenders.map((c) => cachedPage(browser, c)))
  const cached: Shown[] = []
  const cachedTrace = await record(
    browser,
    async () => {
      for (const [i, c] of contenders.entries()) cached.push(...(await cachedRuns(pages[i]!, c)))
    },
    { categories: WITHOUT_TASKS },
  )
  for (const shown of cached) {
    const trace = thread(cachedTrace, `bench:trigger:${shown.id}`)
    results.get(shown.c)!.cached.push(sample(shown.c, trace, shown))
  }
} finally {
  await browser.close()
  server.close()
}

// ── Figures: lower is better for every one.
const p50 = (values: number[]) => percentile(values, 0.5)
const max = (values: number[]) => Math.max(...values)
const rows: Row<Results>[] = [
  { label: 'init: main-thread CPU p50', unit: 'ms', value: (r) => p50(r.init.map((s) => s.cpu)) },
  {
    label: '  of which main file + its init, p50',
    unit: 'ms',
    value: (r) => p50(r.init.map((s) => s.evaluation)),
  },
  {
    label: `init: script runs ≥ ${LONG_TASK_MS} ms CPU, all runs`,
    unit: '',
    value: (r) => r.init.reduce((n, s) => n + s.events.filter(isLong).length, 0),
  },
  { label: 'init: long tasks, all runs', unit: '', value: (r) => r.initLongTasks },
  {
    label: 'cold: trigger → visible p50',
    unit: 'ms',
    value: (r) => p50(r.cold.map((s) => s.painted)),
  },
  // With this few runs a p95 would be the slowest run anyway: say so.
  {
    label: `cold: trigger → visible, worst of ${COLD_RUNS}`,
    unit: 'ms',
    value: (r) => max(r.cold.map((s) => s.painted)),
  },
  { label: 'cold: main-thread CPU p50', unit: 'ms', value: (r) => p50(r.cold.map((s) => s.cpu)) },
  {
    label: 'cached: trigger → visible p50',
    unit: 'ms',
    value: (r) => p50(r.cached.map((s) => s.painted)),
  },
  {
    label: `cached: trigger → visible, worst of ${CACHED_RUNS}`,
    unit: 'ms',
    value: (r) => max(r.cached.map((s) => s.painted)),
  },
  {
    label: 'cached: main-thread CPU p50',
    unit: 'ms',
    value: (r) => p50(r.cached.map((s) => s.cpu)),
  },
  {
    label: `surveys: runs ≥ ${LONG_TASK_MS} ms CPU, all`,
    unit: '',
    value: (r) => r.promptLongRuns,
  },
  { label: 'surveys: long tasks, all', unit: '', value: (r) => r.promptLongTasks },
]

console.log(
  `runtime beside posthog-js in Chromium (${executablePath}), ${Date.now() - started} ms; ` +
    `${COLD_RUNS} cold runs and ${CACHED_RUNS} cached surveys each`,
)
const { lines, figures } = compare(
  rows,
  { name: sonde.name, results: results.get(sonde)! },
  { name: posthog.name, results: results.get(posthog)! },
)
for (const c of contenders) {
  const { late } = results.get(c)!
  if (late > 0) {
    lines.splice(
      -1,
      0,
      `  note: ${c.name} was not ready ${INIT_WINDOW_MS} ms after navigation in ${late} of ` +
        `${COLD_RUNS} runs; its init figure leaves out what came later`,
    )
  }
}
if (server.unanswered.size > 0) {
  lines.splice(-1, 0, `  requests no mock answered (404): ${[...server.unanswered].join(', ')}`)
}
console.log(lines.join('\n'))

const notes = [
  `Same host page, same 1–5 rating survey on the same event, ${COLD_RUNS} cold runs (fresh ` +
    `context) and ${CACHED_RUNS} cached surveys (one page) per SDK, alternating; Chromium ` +
    `headless, endpoints mocked on loopback.`,
  `init = main-thread CPU of all script in the first ${INIT_WINDOW_MS} ms after navigation ` +
    '(the page runs none of its own). Sonde loads its survey UI on the trigger; posthog-js ' +
    'loads its surveys extension during init when the project has surveys on.',
  'trigger → visible = from `sonde.track` / `posthog.capture` to the frame that paints the ' +
    'survey (in the DOM, then painted), the same detection for both. posthog-js shows an ' +
    'event-triggered survey on a once-a-second check, so its figure is mostly that wait.',
  'posthog-js: its script-tag files from the pinned npm version, `defaults` as a fresh snippet ' +
    'has it, replay/heatmaps/web vitals off, `opt_out_useragent_filter` on (it drops all events ' +
    'from automated browsers otherwise).',
]
console.log(`wrote ${writeFigures('runtime-vs-peers', figures, notes)}`)
