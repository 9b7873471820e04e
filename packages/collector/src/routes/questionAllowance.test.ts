import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

// A survey may get answers to 60 questions its config does not list (its earlier versions, or a
// survey the config does not list): one client sending made-up question ids used them all, and
// every new question of a page carrying its config inline was refused from then on.
describe.each(backends)('the questions outside the config on $name', (backend) => {
  const db = suiteDatabase(backend)

  it('takes one network for a few of them only, and a question past those once several send it', async () => {
    const app = testApp(db, {
      limits: {
        burst: 100,
        questionsOutsideConfig: 10,
        questionsOutsideConfigFromOneNetwork: 2,
        networksPerQuestionOutsideConfig: 3,
      },
      trustProxy: true,
    })
    const send = async (questionIds: string[], ip: string) => {
      const events = questionIds.map((questionId) =>
        makeEvent({ surveyId: 'inline', answers: [{ questionId, value: 1 }], metric: undefined }),
      )
      const res = await postBatch(app, makeBatch(events, { key: 'pk_open' }), {
        'x-forwarded-for': ip,
      })
      const reply = await readJson(res)
      const accepted = new Set<string>(reply.accepted)
      return {
        accepted: questionIds.filter((_, i) => accepted.has(events[i]!.id)),
        reasons: reply.rejected.map((item: { reason: string }) => item.reason),
      }
    }
    const madeUp = Array.from({ length: 12 }, (_, i) => `junk-${i}`)
    const flood = await send(madeUp, '198.51.100.1')
    expect(flood.accepted).toEqual(['junk-0', 'junk-1'])
    expect(flood.reasons[0]).toBe(
      'answers[0].questionId: "junk-2" is not a question of survey "inline" in the project\'s config, which has answers to 2 questions outside it that one client network could send: another is taken once 3 networks have sent it (1 has)',
    )
    // The same network again is no second network.
    expect((await send(['junk-2'], '198.51.100.1')).accepted).toEqual([])
    // The new question of pages carrying their config inline is taken from its third network on,
    // and from every network after.
    const page = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '192.0.2.9']
    const replies = []
    for (const ip of page) replies.push((await send(['inline-new'], ip)).accepted)
    expect(replies).toEqual([[], [], ['inline-new'], ['inline-new']])
    // Questions already answered still are, from anywhere.
    expect((await send(['junk-0'], '192.0.2.10')).accepted).toEqual(['junk-0'])
    const [row] = await db.query<{ n: number }>(
      `select count(distinct a->>'questionId')::int as n
       from responses cross join lateral jsonb_array_elements(answers) a
       where project = 'pk_open' and survey_id = 'inline'`,
    )
    expect(row?.n).toBe(3)
  })
})
