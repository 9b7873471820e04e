import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { measureJson } from './measureJson'

const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
})

describe('measureJson', () => {
  it.each([
    [null, 4],
    ['é', 4],
    [{ a: '😀' }, 12],
    [undefined, 0],
  ])('%j weighs %i bytes', (value, bytes) => {
    expect(measureJson(value)).toBe(bytes)
  })

  it('measures the serialized body exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), anyUnits, (value, text) => {
        const body = JSON.stringify({ value, text })
        expect(measureJson({ value, text })).toBe(Buffer.byteLength(body, 'utf8'))
      }),
    )
  })
})
