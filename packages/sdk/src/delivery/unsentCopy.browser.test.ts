import { createRecord } from '@sonde/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { localCopies, saveUnsent, takeUnsent } from './unsentCopy'

// A namespace of this file's own: the browser tests' files share the origin's localStorage.
const ns = `sonde-outbox-${crypto.randomUUID()}:`
const mine = () => Object.keys(localStorage).filter((key) => key.startsWith(ns))
const record = (id: string) =>
  createRecord({ id, type: 'survey.completed', at: '2026-11-27T10:00:00.000Z', surveyId: 's' }, 1)

afterEach(() => {
  vi.restoreAllMocks()
  for (const key of mine()) localStorage.removeItem(key)
})

describe('the unsent copies in localStorage', () => {
  it("takes another page's copy after this page's own write was refused (a full storage)", () => {
    // A tab closed earlier left its answer.
    saveUnsent(localCopies(ns), [record('left')], 'unsent.gone')
    const copies = localCopies(ns)
    const refuse = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    // This page is hidden: its own copy does not fit, and nothing is thrown.
    expect(() => saveUnsent(copies, [record('mine')], 'unsent.here')).not.toThrow()
    refuse.mockRestore()
    // Shown again, its next read takes what is there (read from localStorage, not from a memory
    // that missed it): the other page's answer, not lost.
    expect(takeUnsent(copies, true, 'unsent.here').map((r) => r.event.id)).toEqual(['left'])
    expect(mine()).toEqual([])
  })

  it('takes nothing, and throws nothing, where localStorage is barred', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('barred', 'SecurityError')
    })
    const copies = localCopies(ns)
    expect(() => saveUnsent(copies, [record('a')])).not.toThrow()
    expect(takeUnsent(copies, true)).toEqual([])
  })
})
