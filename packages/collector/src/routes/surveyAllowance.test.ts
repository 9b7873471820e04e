import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

// A project may get answers to 100 surveys its config does not list (a page may carry its config
// inline): one client sending made-up ids used them all, and every new survey of the pages was
// refused from then on, until an erase.
describe.each(backends)('the surveys outside the config on $name', (backend) => {
  const db = suiteDatabase(backend)

  it('takes one network for a few of them only, and a survey past those once several send it', async () => {
    const app = testApp(db, {
      limits: {
        burst: 100,
        surveysOutsideConfig: 10,
        surveysOutsideConfigFromOneNetwork: 2,
        networksPerSurveyOutsideConfig: 3,
      },
      trustProxy: true,
    })
    const send = async (surveyIds: string[], ip: string) => {
      const events = surveyIds.map((surveyId) => makeEvent({ surveyId }))
      const res = await postBatch(app, makeBatch(events), { 'x-forwarded-for': ip })
      const reply = await readJson(res)
      const ids = (list: Array<{ id: string }>) => list.map((item) => item.id)
      const accepted = new Set<string>(reply.accepted)
      const rejected = new Set(ids(reply.rejected))
      return {
        accepted: events.filter((event) => accepted.has(event.id)).map((e) => e.surveyId),
        rejected: events.filter((event) => rejected.has(event.id)).map((e) => e.surveyId),
        reasons: reply.rejected.map((item: { reason: string }) => item.reason),
      }
    }
    const madeUp = Array.from({ length: 12 }, (_, i) => `junk-${i}`)
    const flood = await send(madeUp, '198.51.100.1')
    expect(flood.accepted).toEqual(['junk-0', 'junk-1'])
    expect(flood.reasons[0]).toBe(
      'surveyId: "junk-2" is not in the project\'s config, which has 2 surveys outside it that one client network could send: another is taken once 3 networks have sent it (1 has)',
    )
    // The same network again is no second network.
    expect((await send(['junk-2'], '198.51.100.1')).rejected).toEqual(['junk-2'])
    // The new survey of pages carrying their config inline is taken from its third network on,
    // and from every network after.
    const page = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '192.0.2.9']
    const replies = []
    for (const ip of page) replies.push((await send(['inline-new'], ip)).accepted)
    expect(replies).toEqual([[], [], ['inline-new'], ['inline-new']])
    // Surveys already answered still are, from anywhere.
    expect((await send(['junk-0'], '192.0.2.10')).accepted).toEqual(['junk-0'])
    const [row] = await db.query<{ n: number }>(
      `select count(distinct survey_id)::int as n from responses where project = 'pk_test'`,
    )
    expect(row?.n).toBe(3)
  })
})
