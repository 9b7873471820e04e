import { beforeAll, describe, expect, it } from 'vitest'
import { foldRollups } from '../db/foldRollups'
import { backends } from '../test/backends'
import { bulkLoadResponses } from '../test/bulkLoad'
import { explainLast, rowsRead } from '../test/explain'
import { suiteDatabase } from '../test/suiteDatabase'
import { listSurveys } from './listSurveys'

// The dashboard opens on the list of a project's surveys. A year in, each survey's rollups hold
// a row per day and score: a list that read them all to name each survey's kind took 2.6 s on
// PGlite for 200 surveys (1,460 rows read for each), and one that summed the status rollup's
// rows (1,241 a survey, 248,200 for 200) still took 0.5 s.
describe.each(backends)('the list of surveys a year in, on $name', (backend) => {
  const db = suiteDatabase(backend, 'once')
  const ids = ['csat-ticket', 'nps-q4', 'опрос-3']
  beforeAll(async () => {
    for (const id of ids) await bulkLoadResponses(db, 'pk_test', id, 1_500, 100)
    await foldRollups(db)
    await db.exec('analyze')
  }, 60_000)

  it("names each survey's kind and counts from a few rows, not a year of them", async () => {
    await expect(listSurveys(db, 'pk_test', undefined)).resolves.toEqual(
      ids.map((surveyId) => ({
        surveyId,
        kind: 'nps',
        responses: 1_600,
        answered: 1_500,
        lastAt: expect.any(String),
        configured: false,
      })),
    )
    const plan = await explainLast(db, (recorded) => listSurveys(recorded, 'pk_test', undefined))
    expect(rowsRead(plan, 'score_rollup')).toBeLessThan(30)
    expect(rowsRead(plan, 'status_rollup')).toBe(0)
    expect(rowsRead(plan, 'survey_totals')).toBe(ids.length)
  })
})
