// Page-side scripts for "trigger → survey visible", as strings: tsx's helpers must not leak into
// code that runs in the page. Each resolves with wall times from the trigger, in ms.

export interface Prompt {
  /** The survey is in the DOM. */
  shown: number
  /** The next animation frame has begun: the one that will draw it. */
  frame: number
  /** That frame is produced (a message posted from its rAF callback has run). */
  painted: number
}

/**
 * Page-side function `(done) => …`: after the frame that paints what the DOM holds now, marks
 * `bench:painted:<id>` and calls `done(frameTime, paintedTime)`.
 */
export const afterPaint = (id: number | string) => `(done) => requestAnimationFrame(() => {
  const frame = performance.now()
  const channel = new MessageChannel()
  channel.port1.onmessage = () => {
    performance.mark('bench:painted:${id}')
    done(frame, performance.now())
  }
  channel.port2.postMessage(null)
})`

/** How the harness reaches one SDK's survey in the page: JS expressions and CSS selectors. */
export interface SurveyProbe {
  /** True once the SDK can show the survey; polled before the trigger, outside the window. */
  ready: string
  /** Fires the survey's trigger event. */
  trigger: string
  /** The element the SDK mounts into the page (the survey lives in its open shadow root). */
  host: string
  /** The survey itself, inside that shadow root. */
  survey: string
  /** Its close button, inside that shadow root. */
  close: string
}

const find = (probe: SurveyProbe, selector: string) => `(() => {
  for (const host of document.querySelectorAll(${JSON.stringify(probe.host)})) {
    const found = host.shadowRoot?.querySelector(${JSON.stringify(selector)})
    if (found) return found
  }
  return null
})()`

/**
 * Triggers the survey and resolves once it is visible: in the DOM (seen by mutation observers on
 * the document and on every open shadow root the SDK mounts, so no polling delays it), then
 * painted. The same detection for every SDK; `bench:trigger:<id>` marks the start.
 */
export const promptScript = (
  probe: SurveyProbe,
  id: number | string,
) => `new Promise((resolve, reject) => {
  const timeout = setTimeout(() => reject(new Error('no survey within 10 s')), 10000)
  const afterPaint = ${afterPaint(id)}
  const measure = () => {
    let started = 0
    let done = false
    const watched = new Set()
    const observer = new MutationObserver(() => check())
    const watch = (root) => {
      if (watched.has(root)) return
      watched.add(root)
      observer.observe(root, { childList: true, subtree: true })
    }
    const check = () => {
      if (done) return
      for (const host of document.querySelectorAll(${JSON.stringify(probe.host)})) {
        if (host.shadowRoot) watch(host.shadowRoot)
      }
      if (!${find(probe, probe.survey)}) return
      done = true
      observer.disconnect()
      const shown = performance.now() - started
      afterPaint((frame, painted) => {
        clearTimeout(timeout)
        resolve({ shown, frame: frame - started, painted: painted - started })
      })
    }
    watch(document.documentElement)
    performance.mark('bench:trigger:${id}')
    started = performance.now()
    ${probe.trigger}
    check()
  }
  // Normally ready long before; on a starved machine, wait (outside the measured window).
  const go = () => (${probe.ready} ? measure() : setTimeout(go, 20))
  go()
})`

/** Closes the survey with its close button and resolves once it has left the DOM. */
export const closeScript = (probe: SurveyProbe) => `new Promise((resolve) => {
  ${find(probe, probe.close)}?.click()
  const wait = () => (${find(probe, probe.survey)} ? setTimeout(wait, 5) : resolve(null))
  wait()
})`

export interface PageTimeline {
  /** Long tasks (Long Tasks API: ≥ 50 ms of wall time on the main thread), page time in ms. */
  longTasks: { start: number; end: number }[]
  /** The harness's `bench:*` marks, page time in ms. */
  marks: Record<string, number>
}

/**
 * The page's long tasks so far and the harness's marks. Chromium keeps long tasks for a
 * buffered observer even when none was observing, so nothing has to run in the page before.
 */
export const TIMELINE_SCRIPT = `new Promise((resolve) => {
  const longTasks = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration })
  })
  observer.observe({ type: 'longtask', buffered: true })
  setTimeout(() => {
    for (const e of observer.takeRecords()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration })
    observer.disconnect()
    const marks = {}
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('bench:')) marks[m.name] = m.startTime
    resolve({ longTasks, marks })
  }, 0)
})`

/** How many of the page's long tasks overlap [from, to) (page time, ms). */
export function longTasksIn({ longTasks }: PageTimeline, from: number, to: number): number {
  return longTasks.filter((task) => task.start < to && task.end > from).length
}
