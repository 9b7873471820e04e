// Main-thread time from Chrome traces, for the browser benches. The figures are the CPU time
// (`tdur`) of the renderer main thread's tasks, which a machine shared with other jobs inflates
// far less than wall time. The harness marks its windows with `performance.mark('bench:…')`,
// which also tells which thread is the page's main thread.
import type { Browser, Page } from 'playwright'

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: {
    data?: { url?: string }
    chrome_mojo_event_info?: { mojo_interface_tag?: string }
  }
}

export const LONG_TASK_MS = 50
// Not 'v8' nor the disabled-by-default timeline: their events slow the very code measured.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing']
/**
 * Without 'toplevel': no task events, so no task boundaries, but script and rendering events
 * all the same. 'toplevel' traces every task of every process; on a loaded machine it makes
 * the browser itself slow (a new context takes seconds) and a trace takes tens of seconds to
 * stop, so benches that need many page loads within a CI time limit use this.
 */
export const WITHOUT_TASKS = ['devtools.timeline', 'v8.execute', 'blink.user_timing']
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

export interface Trace {
  /** The page's main-thread complete events, by start time. */
  main: TraceEvent[]
  /** `bench:*` marks by name, in trace microseconds. */
  marks: Map<string, number>
}

/**
 * Records a trace while `run` drives the browser. Chrome traces every process at once, so one
 * trace can hold several pages' runs: `thread` picks each page's main thread out of it.
 */
export async function record(
  browser: Browser,
  run: () => Promise<void>,
  { page, categories = CATEGORIES }: { page?: Page; categories?: string[] } = {},
): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories })
  await run()
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[]
  }
  return traceEvents
}

/** The main thread of the renderer that made the mark `mark` (by default, any bench mark). */
export function thread(events: TraceEvent[], mark?: string): Trace {
  const made = events.find((e) => (mark ? e.name === mark : e.name.startsWith('bench:')))
  if (!made) throw new Error(`no ${mark ?? 'bench:'} mark in the trace`)
  const main = events
    .filter((e) => e.ph === 'X' && e.pid === made.pid && e.tid === made.tid)
    // At the same start, the enclosing (longer) event first, so `outermost` keeps it.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const marks = new Map(
    events
      .filter((e) => e.name.startsWith('bench:') && e.pid === made.pid && e.tid === made.tid)
      .map((e) => [e.name, e.ts] as const),
  )
  return { main, marks }
}

/** Traces the page while `run` drives it: its main thread, found by the harness's marks. */
export async function traced(browser: Browser, page: Page, run: () => Promise<void>) {
  return thread(await record(browser, run, { page }))
}

/** Outermost events only: a script event inside another one is already in its duration. */
export function outermost(events: TraceEvent[]): TraceEvent[] {
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
export function workIn(main: TraceEvent[], from: number, to: number): TraceEvent[] {
  const inside = main.filter(within(from, to))
  const busy = inside.filter((e) => SCRIPT.has(e.name) || RENDER.has(e.name))
  return outermost(inside.filter((e) => TASKS.has(e.name))).filter((task) => {
    const end = task.ts + (task.dur ?? 0)
    return busy.some((e) => e.ts >= task.ts && e.ts < end)
  })
}
/**
 * The script and rendering the main thread did in [from, to), outermost events only: the work
 * itself, without the task boundaries a trace `WITHOUT_TASKS` lacks.
 */
export function busyIn(main: TraceEvent[], from: number, to: number): TraceEvent[] {
  return outermost(
    main.filter((e) => within(from, to)(e) && (SCRIPT.has(e.name) || RENDER.has(e.name))),
  )
}
const ms = (us: number) => us / 1000
export const cpu = (events: TraceEvent[]) =>
  ms(events.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0))
export const wall = (events: TraceEvent[]) => ms(events.reduce((sum, e) => sum + (e.dur ?? 0), 0))

/** Tasks of `LONG_TASK_MS` or more among `tasks`, by wall time and by CPU time. */
export function longTasks(tasks: TraceEvent[]): { wall: number; cpu: number } {
  const long = (us: number | undefined) => (us ?? 0) >= LONG_TASK_MS * 1000
  return {
    wall: tasks.filter((task) => long(task.dur)).length,
    cpu: tasks.filter((task) => long(task.tdur)).length,
  }
}

export interface Startup {
  /** Main-thread CPU time of all script from navigation to the end of the window. */
  cpu: number
  wall: number
  /** The CPU time of evaluating the SDK's main file (`script`), which runs its init. */
  evaluation: number
  /** That script, outermost events only. */
  events: TraceEvent[]
  /** Where the window ends. */
  end: number
}

/** The tasks that handle a DevTools command: the harness's (Playwright's evaluate, its marks). */
function devtoolsTasks(main: TraceEvent[]): TraceEvent[] {
  const messages = main.filter(
    (e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
  )
  return main.filter(
    (task) =>
      TASKS.has(task.name) &&
      messages.some((m) => m.ts >= task.ts && m.ts < task.ts + (task.dur ?? 0)),
  )
}

/**
 * The SDK's start on a page that runs no script of its own: every script event from the page's
 * first script (its stub) before `until` (the trigger mark, or earlier where Playwright's first
 * script — a compile of its own, with no URL — begins, since that is the harness's). Left out:
 * what ran before the first script, the page before it hidden as the visitor leaves it (its
 * visibilitychange handlers), and the microtasks of the harness's DevTools commands (a trace
 * with tasks shows them inside the task of a DevToolsSession message).
 */
export function startup({ main }: Trace, until: number, script: string): Startup {
  const harness = main.find((e) => e.name === 'EvaluateScript' && !e.args?.data?.url)
  const end = Math.min(until, harness?.ts ?? until)
  const from = main.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url)?.ts ?? 0
  const commands = devtoolsTasks(main)
  const own = (e: TraceEvent) =>
    !commands.some((task) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0))
  const events = outermost(
    main.filter((e) => SCRIPT.has(e.name) && e.ts >= from && e.ts < end && own(e)),
  )
  const evaluation = events.filter(
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith(script),
  )
  if (evaluation.length === 0) throw new Error(`${script} did not run in the measured window`)
  return { cpu: cpu(events), wall: wall(events), evaluation: cpu(evaluation), events, end }
}

/** Long tasks among the tasks that ran the start's script (needs a trace with tasks). */
export function startupLongTasks({ main }: Trace, { events, end }: Startup) {
  return longTasks(
    main.filter((task) => {
      if (!TASKS.has(task.name) || task.ts >= end) return false
      const taskEnd = task.ts + (task.dur ?? 0)
      return events.some((e) => e.ts >= task.ts && e.ts < taskEnd)
    }),
  )
}
