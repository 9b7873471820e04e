import { beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { bulkLoadResponses } from '../test/bulkLoad'
import { explainLast, rowsRead } from '../test/explain'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'
import { loadVerbatims } from './loadVerbatims'

// A survey shown in an app is mostly ignored: a year in, its answered responses are outnumbered by
// prompts never answered, which have no time of answering. The verbatims are the newest answered
// ones, read through the index on the time of answering.
describe.each(backends)('the verbatims of a survey mostly unanswered, on $name', (backend) => {
  const db = suiteDatabase(backend, 'once')
  beforeAll(async () => {
    await bulkLoadResponses(db, 'pk_test', 'nps-q4', 600, 20_000)
    await db.exec('analyze responses')
  }, 60_000)

  it('reads as many responses as it shows, not every prompt never answered', async () => {
    const scope = { project: 'pk_test', surveyId: 'nps-q4' }
    const verbatims = await loadVerbatims(db, scope, { limit: 20 })
    expect(verbatims).toHaveLength(20)
    const times = verbatims.map((verbatim) => verbatim.at)
    expect(times).toEqual([...times].sort().reverse())
    // One response in three has a "why?": about 60 read for 20 verbatims, however many never
    // answered (before, all 20,000 of them were read first, as an index lists nulls last).
    const plan = await explainLast(db, (recorded) => loadVerbatims(recorded, scope, { limit: 20 }))
    expect(rowsRead(plan, 'responses')).toBeLessThan(200)
  })

  // A survey of a rating alone (CSAT, CES) has no verbatim: its list was empty, found by reading
  // every answered response of the survey, 250 to 660 ms for 200,000 on PGlite, in each request.
  it('finds a survey without free text has none without reading its responses', async () => {
    const app = testApp(db, { limits: { burst: 100 } })
    const rating = (i: number) =>
      makeEvent({
        surveyId: 'csat-ticket',
        surveyVersion: 1,
        at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
        answers: [{ questionId: 'csat', value: 1 + (i % 5) }],
        metric: { kind: 'csat', score: 1 + (i % 5), scale: 5, satisfied: i % 5 >= 3 },
      })
    for (let i = 0; i < 600; i += 50) {
      const events = Array.from({ length: 50 }, (_, j) => rating(i + j))
      expect((await readJson(await postBatch(app, makeBatch(events)))).rejected).toEqual([])
    }
    await db.exec('analyze responses')
    const scope = { project: 'pk_test', surveyId: 'csat-ticket' }
    const options = { limit: 20, nonTextQuestionIds: ['csat'] }
    await expect(loadVerbatims(db, scope, options)).resolves.toEqual([])
    const plan = await explainLast(db, (recorded) => loadVerbatims(recorded, scope, options))
    expect(rowsRead(plan, 'responses')).toBeLessThan(20)
  })
})
