import type { SondeEvent } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

// A tour's events have no response to keep the latest of: each is stored as it comes. A page
// going away sends what it holds (sendBeacon, fetch keepalive) and copies it for the next page,
// which sends it again under the same ids when it cannot know the first send arrived (the tab
// closed before the reply): tour-link.e2e.ts sees some tour.step and tour.completed come twice.
describe.each(backends)('tour events sent twice on $name', (backend) => {
  const db = suiteDatabase(backend)

  const tourEvent = (type: SondeEvent['type'], fields: Partial<SondeEvent> = {}) =>
    makeEvent({
      type,
      surveyId: undefined,
      surveyVersion: undefined,
      responseId: undefined,
      seq: undefined,
      answers: undefined,
      metric: undefined,
      tourId: 'welcome',
      tourVersion: 1,
      ...fields,
    })

  const stored = () =>
    db.query<{ id: string; type: string; n: number }>(
      `select id, type, count(*)::int as n from events where project = 'pk_test'
       group by id, type order by id`,
    )

  it("stores each once, the unload's copy and the next page's send accepted alike", async () => {
    const app = testApp(db)
    const step = tourEvent('tour.step', { stepId: 'go', stepIndex: 0, dwellMs: 1200 })
    const completed = tourEvent('tour.completed', { dwellMs: 2400 })
    const started = tourEvent('tour.started')
    // The page's way out: the beacon, its batch answered or not.
    const beacon = await postBatch(app, makeBatch([started, step, completed]))
    // The next page, from the copy: the same events in a batch of its own, one event new there.
    const next = tourEvent('tour.started', { tourId: 'settings' })
    const again = await postBatch(app, makeBatch([step, completed, next]))
    // And once more at the same time from two tabs that both took the copy.
    const twice = await Promise.all([0, 1].map(() => postBatch(app, makeBatch([completed, step]))))
    for (const res of [beacon, again, ...twice]) expect(res.status).toBe(200)
    expect((await readJson(beacon)).accepted).toEqual([started.id, step.id, completed.id])
    expect(await readJson(again)).toEqual({
      accepted: [step.id, completed.id, next.id],
      rejected: [],
    })
    for (const res of twice)
      expect(await readJson(res)).toEqual({ accepted: [completed.id, step.id], rejected: [] })
    const rows = await stored()
    expect(rows).toEqual(
      [started, step, completed, next]
        .map((e) => ({ id: e.id, type: e.type, n: 1 }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    )
  })
})
