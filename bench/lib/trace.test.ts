import { describe, expect, it } from 'vitest'
import { startup, type TraceEvent } from './trace'

// A later page's trace as Chrome records it, times in microseconds, CPU (tdur) in round figures.
const at = (name: string, ts: number, tdur: number, args?: TraceEvent['args']): TraceEvent => ({
  ...{ name, ph: 'X', pid: 1, tid: 1, ts, dur: tdur, tdur },
  ...(args ? { args } : {}),
})
const script = (ts: number, tdur: number, url: string) =>
  at('EvaluateScript', ts, tdur, { data: { url } })
const devtools = { chrome_mojo_event_info: { mojo_interface_tag: 'blink.mojom.DevToolsSession' } }

describe('startup', () => {
  it("counts from the page's first script: the page left before it is not this page's start", () => {
    const main = [
      // The page before, hidden as the visitor leaves it: its visibilitychange handler.
      at('FunctionCall', 0, 100, { data: { url: 'http://h/sdk/sonde.js' } }),
      script(20_000, 100, 'http://h/app'),
      script(21_000, 1_500, 'http://h/sdk/sonde.js'),
      at('RunMicrotasks', 30_000, 400),
    ]
    const start = startup({ main, marks: new Map() }, Number.POSITIVE_INFINITY, '/sdk/sonde.js')
    expect(start.cpu).toBe(2)
    expect(start.evaluation).toBe(1.5)
  })

  it("leaves out what the harness's DevTools commands run (Playwright's evaluate)", () => {
    const main = [
      script(20_000, 100, 'http://h/app'),
      script(21_000, 1_500, 'http://h/sdk/sonde.js'),
      at('RunMicrotasks', 30_000, 400),
      // 500 ms later: a DevTools message's task, whose microtask checkpoint is Playwright's.
      at('ThreadControllerImpl::RunTask', 530_000, 2_000),
      at('Receive mojo message', 530_010, 1_990, devtools),
      at('RunMicrotasks', 531_800, 100),
      at('EvaluateScript', 540_000, 300),
    ]
    const start = startup({ main, marks: new Map() }, Number.POSITIVE_INFINITY, '/sdk/sonde.js')
    expect(start.cpu).toBe(2)
  })
})
