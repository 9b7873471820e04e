import { beforeAll, describe, expect, it } from 'vitest'
import type { Queryable } from '../db/database'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { postBatch, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'
import { exportResponses } from './exportResponses'

describe.each(backends)('exportResponses on $name', (backend) => {
  const db = suiteDatabase(backend, 'once')
  beforeAll(async () => {
    const events = [
      npsEvent(3, {
        responseId: 'r1',
        answers: [
          { questionId: 'score', value: 3 },
          { questionId: 'why', value: '=1+1, "slow"' },
        ],
      }),
      npsEvent(10, { responseId: 'r2', at: '2026-11-05T08:00:00.000Z' }),
      makeEvent({
        surveyId: 'ces-export',
        responseId: 'r3',
        answers: [{ questionId: 'blocker', value: ['format', 'speed'], other: 'big files' }],
        metric: undefined,
      }),
    ]
    await postBatch(testApp(db), makeBatch(events))
  }, 60_000)

  async function run(options: Parameters<typeof exportResponses>[1]) {
    const chunks: string[] = []
    const count = await exportResponses(db, options, (chunk) => chunks.push(chunk))
    return { count, text: chunks.join('') }
  }

  // An "other" column only for a question with other texts: not for scores, nor for "why".
  it('writes CSV with one column per question, safe for spreadsheets, across pages', async () => {
    const { count, text } = await run({ format: 'csv', pageSize: 2 })
    expect(count).toBe(3)
    const lines = text.split('\r\n')
    expect(lines[0]).toBe(
      'project,survey_id,survey_version,response_id,status,seq,answered_at,last_at,metric_kind,' +
        'score,scale,bucket,locale,device,path,app_version,plan,known,answer.blocker,' +
        'answer.blocker.other,answer.score,answer.why',
    )
    expect(lines[1]).toBe(
      'pk_test,nps-q4,3,r1,completed,2,2026-11-02T10:00:00.000Z,2026-11-02T10:00:00.000Z,nps,3,' +
        `10,detractor,fr-FR,desktop,/reports,2.3.1,pro,true,,,3,"'=1+1, ""slow"""`,
    )
    expect(lines[3]).toMatch(/,format\|speed,big files,,$/)
    expect(lines).toHaveLength(5)
  })

  // A context can be most of a 1 MiB batch: a page of 1,000 such rows held a gigabyte.
  it('holds a page of rows by their size too, not only by their number', async () => {
    const big = Array.from({ length: 6 }, (_, i) =>
      npsEvent(9, {
        surveyId: 'big',
        responseId: `big-${i}`,
        context: { custom: { note: String(i).repeat(20_000) } },
      }),
    )
    await postBatch(testApp(db), makeBatch(big, { key: 'pk_open' }))
    const pages: number[] = []
    const counting: Queryable = {
      async query<Row>(sql: string, params?: readonly unknown[]) {
        const rows = await db.query<Row>(sql, params)
        if (sql.includes('order by project, response_id')) pages.push(JSON.stringify(rows).length)
        return rows
      },
      exec: (sql) => db.exec(sql),
    }
    const lines: string[] = []
    const options = { format: 'ndjson', project: 'pk_open', pageBytes: 50_000 } as const
    expect(await exportResponses(counting, options, (chunk) => lines.push(chunk))).toBe(6)
    expect(lines.map((line) => JSON.parse(line).response_id)).toEqual(big.map((e) => e.responseId))
    expect(pages.length).toBeGreaterThan(2)
    expect(Math.max(...pages)).toBeLessThan(70_000)
  })

  // The dashboard's "Responses" for a range counts those shown and never answered too.
  it('exports the responses of a range that the stats count, answered or not', async () => {
    const shown = makeEvent({
      type: 'survey.shown',
      surveyId: 'shown-only',
      responseId: 'shown-1',
      seq: 0,
      at: '2026-11-20T09:00:00.000Z',
      answers: [],
      metric: undefined,
    })
    await postBatch(testApp(db), makeBatch([shown], { key: 'pk_open' }))
    const range = { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' }
    const { count, text } = await run({ format: 'ndjson', project: 'pk_open', ...range })
    expect(count).toBe(1)
    expect(JSON.parse(text)).toMatchObject({ response_id: 'shown-1', status: 'shown' })
  })

  it('writes NDJSON filtered by survey and time', async () => {
    const { count, text } = await run({
      format: 'ndjson',
      surveyId: 'nps-q4',
      from: '2026-11-04T00:00:00.000Z',
    })
    expect(count).toBe(1)
    expect(JSON.parse(text)).toMatchObject({
      response_id: 'r2',
      seq: 2,
      score: 10,
      answered_at: '2026-11-05T08:00:00.000Z',
      answers: [{ questionId: 'score', value: 10 }],
      context: { device: 'desktop' },
    })
  })

  // A question id may hold a "." (core's ids do), so a question "why.other", which anyone with
  // the public key can answer, had the column name of question why's "other" texts: a reader by
  // column name (a spreadsheet's lookup, csv.DictReader) took the later one, the forged text.
  it('names every CSV column once, the other texts of a question keeping theirs', async () => {
    const answers = [
      { questionId: 'why', value: 'slow', other: 'the real other' },
      { questionId: 'why.other', value: 'forged' },
    ]
    const event = makeEvent({ surveyId: 'mixed', responseId: 'r9', answers, metric: undefined })
    expect((await postBatch(testApp(db), makeBatch([event], { key: 'pk_open' }))).status).toBe(200)
    const { text } = await run({ format: 'csv', project: 'pk_open' })
    const [header = '', ...rows] = text.split('\r\n')
    const row = rows.find((line) => line.includes(',r9,')) ?? ''
    const names = header.split(',')
    expect(new Set(names).size).toBe(names.length)
    const cells = row.split(',')
    expect(cells[names.indexOf('answer.why.other')]).toBe('the real other')
    expect(cells).toContain('forged')
  })
})
