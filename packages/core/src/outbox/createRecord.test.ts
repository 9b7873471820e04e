import { describe, expect, it } from 'vitest'
import type { SondeEvent } from '../schema/event'
import { createRecord } from './createRecord'

const event = (extra: Partial<SondeEvent> = {}): SondeEvent => ({
  id: 'evt-0001',
  type: 'survey.shown',
  at: '2025-03-01T12:00:00.000Z',
  ...extra,
})

describe('createRecord', () => {
  it.each([
    [event(), 1000],
    [event({ reason: 'é' }), 5],
  ])('queues %j, due at once', (input, now) => {
    expect(createRecord(input, now)).toEqual({
      event: input,
      bytes: Buffer.byteLength(JSON.stringify(input)),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      queuedAt: now,
    })
  })
})
