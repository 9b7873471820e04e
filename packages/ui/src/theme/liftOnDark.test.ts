import { describe, expect, it } from 'vitest'
import { liftOnDark } from './liftOnDark'
import { luminance } from './luminance'

const onDark = (hex: string) =>
  ((luminance(hex) ?? 0) + 0.05) / ((luminance('#18181b') ?? 0) + 0.05)

describe('liftOnDark', () => {
  it.each<[string, string, string | null]>([
    ['an indigo picked for white (2.8:1)', '#4f46e5', '#584fe6'],
    ['black', '#000000', '#666666'],
    ['the default dark accent, already 8.9:1', '#a5b4fc', null],
    ['a light accent', '#ffd700', null],
    ['a colour it cannot measure', 'gold', null],
  ])('%s', (_, accent, lifted) => {
    expect(liftOnDark(accent)).toBe(lifted)
    if (lifted) expect(onDark(lifted)).toBeGreaterThanOrEqual(3)
  })
})
