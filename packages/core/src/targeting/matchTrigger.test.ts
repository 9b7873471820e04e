import { describe, expect, it } from 'vitest'
import type { Trigger } from '../schema/trigger'
import { matchTrigger } from './matchTrigger'
import type { Signal } from './types'

const exported: Signal = {
  type: 'event',
  name: 'report_exported',
  properties: { rows: 1200, format: 'csv' },
}
const manual: Signal = { type: 'manual', kind: 'survey', id: 'x' }

describe('matchTrigger', () => {
  it.each<[string, Trigger | undefined, Signal, boolean]>([
    ['event name', { event: 'report_exported' }, exported, true],
    ['other event name', { event: 'ticket_closed' }, exported, false],
    ['where holds', { event: 'report_exported', where: { rows: { gte: 100 } } }, exported, true],
    ['where fails', { event: 'report_exported', where: { rows: { gte: 5000 } } }, exported, false],
    ['bare where', { event: 'report_exported', where: { format: 'csv' } }, exported, true],
    ['missing property', { event: 'report_exported', where: { user: 'a' } }, exported, false],
    [
      'absent properties',
      { event: 'e', where: { a: { exists: false } } },
      { type: 'event', name: 'e' },
      true,
    ],
    [
      'inherited property',
      { event: 'e', where: { toString: { exists: true } } },
      { type: 'event', name: 'e', properties: {} },
      false,
    ],
    ['event on page', { event: 'report_exported' }, { type: 'page', url: '/a' }, false],
    ['page rule', { page: { prefix: '/app' } }, { type: 'page', url: '/app/x' }, true],
    ['page rule fails', { page: { prefix: '/app' } }, { type: 'page', url: '/home' }, false],
    ['page on event', { page: { prefix: '/' } }, exported, false],
    ['time reached', { timeOnPageSeconds: 30 }, { type: 'timeOnPage', seconds: 30 }, true],
    ['time passed', { timeOnPageSeconds: 30 }, { type: 'timeOnPage', seconds: 45 }, true],
    ['time short', { timeOnPageSeconds: 30 }, { type: 'timeOnPage', seconds: 29 }, false],
    ['scroll reached', { scrollPercent: 50 }, { type: 'scroll', percent: 50 }, true],
    ['scroll short', { scrollPercent: 50 }, { type: 'scroll', percent: 49.9 }, false],
    ['scroll vs time', { scrollPercent: 0 }, { type: 'timeOnPage', seconds: 100 }, false],
    ['exit intent', { exitIntent: true, delaySeconds: 1 }, { type: 'exitIntent' }, true],
    ['exit intent on scroll', { exitIntent: true }, { type: 'scroll', percent: 100 }, false],
    ['manual passes an event trigger', { event: 'x' }, manual, true],
    ['manual passes a page trigger', { page: { exact: '/nowhere' } }, manual, true],
    ['manual passes exit intent', { exitIntent: true }, manual, true],
    ['no trigger: manual only', undefined, manual, true],
    ['no trigger: not an event', undefined, exported, false],
    ['no trigger: not a page', undefined, { type: 'page', url: '/' }, false],
  ])('%s', (_, trigger, signal, expected) => {
    expect(matchTrigger(trigger, signal)).toBe(expected)
  })
})
