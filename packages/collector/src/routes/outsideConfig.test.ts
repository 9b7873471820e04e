import type { SondeEvent } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { deleteProjectData } from '../db/erasure'
import { backends } from '../test/backends'
import { makeEvent } from '../test/fixtures'
import { fromEach, outsideConfig } from '../test/outsideConfig'
import { suiteDatabase } from '../test/suiteDatabase'
import type { Limits } from './deps'

// A project may get answers to 100 surveys its config does not list (a page may carry its config
// inline), a survey to 60 questions (its earlier versions, or all of a survey the config does not
// list): one client sending made-up ids used them all, and every new survey or question of the
// pages was refused from then on, until an erase.
const kinds: Array<{
  what: string
  key: string
  limits(max: number, fromOneNetwork: number): Partial<Limits>
  eventOf(id: string): SondeEvent
  /** Why a new id past those one network may send is refused, past 2 of them. */
  waiting(id: string): string
  /** How many distinct ids the project (or survey) has answers to. */
  stored(db: Database): Promise<number | undefined>
}> = [
  {
    what: 'surveys',
    key: 'pk_test',
    limits: (max, fromOneNetwork) => ({
      surveysOutsideConfig: max,
      surveysOutsideConfigFromOneNetwork: fromOneNetwork,
      networksPerSurveyOutsideConfig: 3,
    }),
    eventOf: (surveyId) => makeEvent({ surveyId }),
    waiting: (id) =>
      `surveyId: "${id}" is not in the project's config, which has 2 surveys outside it that one client network could send: another is taken once 3 networks have sent it (1 has)`,
    stored: async (db) => {
      const [row] = await db.query<{ n: number }>(
        `select count(distinct survey_id)::int as n from responses where project = 'pk_test'`,
      )
      return row?.n
    },
  },
  {
    what: 'questions',
    key: 'pk_open',
    limits: (max, fromOneNetwork) => ({
      questionsOutsideConfig: max,
      questionsOutsideConfigFromOneNetwork: fromOneNetwork,
      networksPerQuestionOutsideConfig: 3,
    }),
    eventOf: (questionId) =>
      makeEvent({ surveyId: 'inline', answers: [{ questionId, value: 1 }], metric: undefined }),
    waiting: (id) =>
      `answers[0].questionId: "${id}" is not a question of survey "inline" in the project's config, which has answers to 2 questions outside it that one client network could send: another is taken once 3 networks have sent it (1 has)`,
    stored: async (db) => {
      const [row] = await db.query<{ n: number }>(
        `select count(distinct a->>'questionId')::int as n
         from responses cross join lateral jsonb_array_elements(answers) a
         where project = 'pk_open' and survey_id = 'inline'`,
      )
      return row?.n
    },
  },
]

describe.each(backends)('the surveys and questions outside the config on $name', (backend) => {
  const db = suiteDatabase(backend)

  it.each(kinds)(
    'takes one network for a few $what only, and one past those once several networks send it',
    async (kind) => {
      const send = outsideConfig(db, kind.limits(10, 2), kind.eventOf, kind.key)
      const madeUp = Array.from({ length: 12 }, (_, i) => `junk-${i}`)
      const flood = await send(madeUp, '198.51.100.1')
      expect(flood.accepted).toEqual(['junk-0', 'junk-1'])
      expect(flood.reasons[0]).toBe(kind.waiting('junk-2'))
      // The same network again is no second network.
      expect((await send(['junk-2'], '198.51.100.1')).accepted).toEqual([])
      // The new survey (or question) of pages carrying their config inline is taken from its
      // third network on, and from every network after.
      const page = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '192.0.2.9']
      expect(await fromEach(send, ['inline-new'], page)).toEqual([
        [],
        [],
        ['inline-new'],
        ['inline-new'],
      ])
      // Those already answered still are, from anywhere.
      expect((await send(['junk-0'], '192.0.2.10')).accepted).toEqual(['junk-0'])
      expect(await kind.stored(db)).toBe(3)
    },
  )

  // A running collector remembered the surveys and questions it had found stored, erased or
  // not: those erased came back uncounted past the most (here a third survey where 2), and a
  // survey whose questions had used its room up was refused new ones, without asking the
  // database, until a restart.
  it.each(kinds)(
    'counts the $what of an erased project anew, as every replica sees it',
    async (kind) => {
      const send = outsideConfig(db, kind.limits(2, 2), kind.eventOf, kind.key)
      const one = '198.51.100.1'
      expect((await send(['a', 'b'], one)).accepted).toEqual(['a', 'b'])
      expect((await send(['a', 'b'], one)).accepted).toEqual(['a', 'b'])
      expect((await send(['c'], one)).accepted).toEqual([])
      await deleteProjectData(db, { project: kind.key, all: true })
      expect((await send(['c', 'd'], one)).accepted).toEqual(['c', 'd'])
      expect((await send(['a'], one)).accepted).toEqual([])
      expect(await kind.stored(db)).toBe(2)
    },
  )

  // The first ones come from whichever network sends them once: given again each UTC day, as
  // the dropped counts and new responses are, one network could use the most up alone in a few.
  it.each(kinds)(
    'takes the first $what from one network once, not again each day',
    async (kind) => {
      let now = Date.parse('2026-11-27T12:00:00Z')
      const send = outsideConfig(db, kind.limits(10, 2), kind.eventOf, kind.key, () => now)
      expect((await send(['a', 'b', 'c'], '198.51.100.1')).accepted).toEqual(['a', 'b'])
      now += 24 * 3600_000
      expect((await send(['d'], '198.51.100.1')).accepted).toEqual([])
      expect((await send(['d'], '198.51.100.2')).accepted).toEqual([])
    },
  )
})
