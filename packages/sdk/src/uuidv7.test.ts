import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { uuidv7 } from './uuidv7'

const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuidv7', () => {
  it('encodes the time in the first 48 bits', () => {
    const id = uuidv7(0x0190_1234_5678, (b) => b.fill(0))
    expect(id).toBe('01901234-5678-7000-8000-000000000000')
  })

  it('always has the version 7 and variant bits, and sorts by time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 10_000 }),
        (t, dt) => {
          const a = uuidv7(t)
          const b = uuidv7(t + dt)
          expect(a).toMatch(shape)
          expect(a < b).toBe(true)
        },
      ),
    )
  })
})
