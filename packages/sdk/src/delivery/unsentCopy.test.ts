import { createRecord, type OutboxRecord } from '@sonde/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { memoryCopies } from '../test/memoryCopies'
import { dropUnsent, saveUnsent, takeUnsent, UNSENT } from './unsentCopy'

const record = (id: string, note = ''): OutboxRecord =>
  createRecord(
    { id: `evt-${id}`, type: 'survey.completed', at: '2026-11-27T10:00:00.000Z', surveyId: note },
    1_000,
  )
const ids = (records: OutboxRecord[]) => records.map((r) => r.event.id).sort()

describe('the unsent copy', () => {
  it('gives back what a page saved, once', () => {
    const keep = memoryCopies()
    saveUnsent(keep, [record('a'), record('b')])
    expect(ids(takeUnsent(keep, true))).toEqual(['evt-a', 'evt-b'])
    expect(keep.get(UNSENT)).toBeNull()
    expect(takeUnsent(keep, true)).toEqual([])
  })

  it('adds to what an earlier page saved, the latest copy of an event winning', () => {
    const keep = memoryCopies()
    saveUnsent(keep, [record('a', 'first'), record('b')])
    saveUnsent(keep, [record('a', 'second'), record('c')])
    const taken = takeUnsent(keep, true)
    expect(ids(taken)).toEqual(['evt-a', 'evt-b', 'evt-c'])
    expect(taken.find((r) => r.event.id === 'evt-a')?.event).toMatchObject({ surveyId: 'second' })
  })

  it('leaves out records acked meanwhile', () => {
    const keep = memoryCopies()
    saveUnsent(keep, [record('a'), record('b')])
    dropUnsent(keep, ['evt-a'])
    expect(ids(takeUnsent(keep, true))).toEqual(['evt-b'])
    saveUnsent(keep, [record('c')])
    dropUnsent(keep, ['evt-c'])
    expect(keep.get(UNSENT)).toBeNull()
  })

  it.each([
    ['not JSON (cut short)', '[{"v":1,"rec'],
    ['not a list', '{"v":1}'],
    ['a corrupt record', JSON.stringify([{ v: 1, record: { state: 'queued' } }])],
  ])('takes nothing from a copy that is %s, and clears it', (_, stored) => {
    const keep = memoryCopies()
    keep.set(UNSENT, stored)
    expect(takeUnsent(keep, true)).toEqual([])
    expect(keep.get(UNSENT)).toBeNull()
  })

  it("keeps a newer Sonde's records for it, unread", () => {
    const keep = memoryCopies()
    const later = { v: 2, record: { anything: true } }
    keep.set(UNSENT, JSON.stringify([later, { v: 1, record: record('a') }]))
    expect(ids(takeUnsent(keep, true))).toEqual(['evt-a'])
    expect(JSON.parse(keep.get(UNSENT) ?? 'null')).toEqual([later])
  })

  it("never takes more than 128 KB of the host's localStorage", () => {
    const keep = memoryCopies()
    const big = Array.from({ length: 100 }, (_, i) => record(String(i), 'x'.repeat(2_000)))
    saveUnsent(keep, big)
    const stored = keep.get(UNSENT) ?? ''
    expect(stored.length).toBeLessThanOrEqual(128_000)
    expect(takeUnsent(keep, true).length).toBeGreaterThan(50)
  })

  it('keeps the newest records when more is unsent than fits, as the outbox caps do', () => {
    const keep = memoryCopies()
    // A long offline session: many displays, then the answer given just before the page went.
    const shown = Array.from({ length: 100 }, (_, i) =>
      createRecord(
        {
          id: `evt-${i}`,
          type: 'survey.shown',
          at: '2026-11-27T10:00:00.000Z',
          surveyId: 'x'.repeat(2_000),
        },
        1_000 + i,
      ),
    )
    saveUnsent(
      keep,
      [...shown, record('answer')].map((r, i) => ({ ...r, queuedAt: 1_000 + i })),
    )
    const taken = ids(takeUnsent(keep, true))
    expect(taken).toContain('evt-answer')
    expect(taken).toContain('evt-99')
    expect(taken).not.toContain('evt-0')
  })

  it('keeps what fits after a record too large for the copy', () => {
    const keep = memoryCopies()
    const huge = { ...record('huge', 'x'.repeat(130_000)), queuedAt: 2_000 }
    saveUnsent(keep, [huge, record('small')])
    expect(ids(takeUnsent(keep, true))).toEqual(['evt-small'])
  })

  it('gives back every record saved, whatever the order of saves and acks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            save: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }),
            ack: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
          }),
          { maxLength: 8 },
        ),
        (steps) => {
          const keep = memoryCopies()
          const expected = new Set<string>()
          for (const { save, ack } of steps) {
            saveUnsent(
              keep,
              save.map((n) => record(String(n))),
            )
            for (const n of save) expected.add(`evt-${n}`)
            dropUnsent(
              keep,
              ack.map((n) => `evt-${n}`),
            )
            for (const n of ack) expected.delete(`evt-${n}`)
          }
          expect(ids(takeUnsent(keep, true))).toEqual([...expected].sort())
        },
      ),
    )
  })

  describe("each page's own copy", () => {
    it('keeps the answers of two tabs closed together, where the shared copy kept one', () => {
      const keep = memoryCopies()
      saveUnsent(keep, [record('a')], 'unsent.A')
      // The second tab read the shared copy before the first tab's write reached it.
      keep.remove(UNSENT)
      saveUnsent(keep, [record('b')], 'unsent.B')
      expect(ids(takeUnsent(keep, false, 'unsent.next'))).toEqual(['evt-a', 'evt-b'])
      expect(keep.pages()).toEqual([])
      expect(keep.get(UNSENT)).toBeNull()
    })

    it('drops, unsent, a copy left before an opt-out (the id it carries is gone)', () => {
      const keep = memoryCopies()
      keep.set('anon', 'before')
      saveUnsent(keep, [record('a')], 'unsent.A')
      // optOut() removes the shared copy and the anonymous id; optIn() makes a new one.
      keep.remove(UNSENT)
      keep.set('anon', 'after')
      expect(takeUnsent(keep, true, 'unsent.next')).toEqual([])
      expect(keep.pages()).toEqual([])
    })

    it("is looked for at a store's first read, or with a shared copy, and never this page's own", () => {
      const keep = memoryCopies()
      saveUnsent(keep, [record('a')], 'unsent.A')
      keep.remove(UNSENT)
      expect(takeUnsent(keep, false, 'unsent.next')).toEqual([])
      expect(takeUnsent(keep, true, 'unsent.A')).toEqual([])
      expect(ids(takeUnsent(keep, true, 'unsent.next'))).toEqual(['evt-a'])
    })

    it('is what the page is unsure of at its latest going: none removes it', () => {
      const keep = memoryCopies()
      saveUnsent(keep, [record('a')], 'unsent.A')
      saveUnsent(keep, [], 'unsent.A')
      expect(keep.pages()).toEqual([])
      // The shared copy still has it, for whichever page takes it first.
      expect(ids(takeUnsent(keep, false, 'unsent.next'))).toEqual(['evt-a'])
    })

    it('loses acked records, as the shared copy does', () => {
      const keep = memoryCopies()
      saveUnsent(keep, [record('a'), record('b')], 'unsent.A')
      dropUnsent(keep, ['evt-a'], 'unsent.A')
      keep.remove(UNSENT)
      expect(ids(takeUnsent(keep, true, 'unsent.next'))).toEqual(['evt-b'])
    })

    it('is not taken, nor the shared one, by a page that is hidden or going away', () => {
      const copies = memoryCopies()
      saveUnsent(copies, [record('a')], 'unsent.A')
      const hidden = { ...copies, awake: () => false }
      expect(takeUnsent(hidden, true, 'unsent.B')).toEqual([])
      expect(copies.get(UNSENT)).not.toBeNull()
      expect(copies.pages()).toEqual(['unsent.A'])
      expect(ids(takeUnsent(copies, true, 'unsent.B'))).toEqual(['evt-a'])
    })

    it("is left where it is when a newer Sonde's records are in it", () => {
      const keep = memoryCopies()
      const later = JSON.stringify({ anon: null, records: [{ v: 2, record: {} }] })
      keep.set('unsent.newer', later)
      expect(takeUnsent(keep, true, 'unsent.next')).toEqual([])
      expect(keep.get('unsent.newer')).toBe(later)
    })
  })
})
