import { describe, expect, it } from 'vitest'
import { classifyResponse, type Verdict } from './classifyResponse'
import type { TransportResult } from './types'

const ids = ['evt-0001', 'evt-0002', 'evt-0003']
const ackAll: Verdict = { kind: 'ack', acked: ids, rejected: [], unanswered: [] }

describe('classifyResponse', () => {
  it.each<[string, TransportResult, Verdict]>([
    ['a network error', { error: 'network' }, { kind: 'retry', retryAfter: null }],
    ['a timeout', { error: 'timeout' }, { kind: 'retry', retryAfter: null }],
    ['200 without a body', { status: 200 }, ackAll],
    ['202 from a beacon', { status: 202, body: null }, ackAll],
    ['204', { status: 204 }, ackAll],
    ['200 with an unrelated body', { status: 200, body: { ok: true } }, ackAll],
    ['200 with a string body', { status: 200, body: 'OK' }, ackAll],
    ['408', { status: 408 }, { kind: 'retry', retryAfter: null }],
    ['425', { status: 425 }, { kind: 'retry', retryAfter: null }],
    ['429 + Retry-After', { status: 429, retryAfter: '30' }, { kind: 'retry', retryAfter: '30' }],
    ['500', { status: 500, retryAfter: null }, { kind: 'retry', retryAfter: null }],
    ['503 + Retry-After', { status: 503, retryAfter: '5' }, { kind: 'retry', retryAfter: '5' }],
    ['599', { status: 599 }, { kind: 'retry', retryAfter: null }],
    ['0 (opaque)', { status: 0 }, { kind: 'retry', retryAfter: null }],
    ['302', { status: 302 }, { kind: 'retry', retryAfter: null }],
    ['413', { status: 413 }, { kind: 'split', reason: 'too_large' }],
    ['400', { status: 400 }, { kind: 'split', reason: 'http_400' }],
    ['401', { status: 401 }, { kind: 'drop', reason: 'http_401' }],
    ['403', { status: 403 }, { kind: 'drop', reason: 'http_403' }],
    ['404', { status: 404 }, { kind: 'drop', reason: 'http_404' }],
    ['422', { status: 422 }, { kind: 'split', reason: 'http_422' }],
  ])('%s', (_, result, verdict) => {
    expect(classifyResponse(result, ids)).toEqual(verdict)
  })

  it.each<[string, unknown, Partial<Extract<Verdict, { kind: 'ack' }>>]>([
    ['a full reply', { accepted: ids, rejected: [] }, { acked: ids, rejected: [], unanswered: [] }],
    [
      'a partial reply',
      { accepted: ['evt-0001'], rejected: [{ id: 'evt-0002', reason: 'invalid' }] },
      {
        acked: ['evt-0001'],
        rejected: [{ id: 'evt-0002', reason: 'invalid' }],
        unanswered: ['evt-0003'],
      },
    ],
    [
      'rejections only: the rest is acked',
      { rejected: [{ id: 'evt-0003', reason: 'too_old' }] },
      { acked: ['evt-0001', 'evt-0002'], rejected: [{ id: 'evt-0003', reason: 'too_old' }] },
    ],
    [
      'an id both accepted and rejected: accepted wins',
      { accepted: ids, rejected: [{ id: 'evt-0001', reason: 'dup' }] },
      { acked: ids, rejected: [], unanswered: [] },
    ],
    [
      'malformed entries are ignored, a missing reason is filled in',
      { accepted: ['evt-0001', 7, null], rejected: [null, 5, { id: 'evt-0002' }, { id: 3 }] },
      {
        acked: ['evt-0001'],
        rejected: [{ id: 'evt-0002', reason: 'rejected' }],
        unanswered: ['evt-0003'],
      },
    ],
    [
      'ids of other batches are ignored',
      { accepted: ['other', ...ids], rejected: [{ id: 'another', reason: 'x' }] },
      { acked: ids, rejected: [], unanswered: [] },
    ],
  ])('2xx with %s', (_, body, expected) => {
    expect(classifyResponse({ status: 200, body }, ids)).toEqual({
      kind: 'ack',
      acked: [],
      rejected: [],
      unanswered: [],
      ...expected,
    })
  })
})
