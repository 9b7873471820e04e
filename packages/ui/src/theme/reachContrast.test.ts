import { describe, expect, it } from 'vitest'
import { luminance } from './luminance'
import { reachContrast } from './reachContrast'

const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a) ?? 0, luminance(b) ?? 0]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

describe('reachContrast', () => {
  it.each<[string, string, string, string | null]>([
    ['an indigo picked for white (2.8:1), on the dark surface', '#4f46e5', '#18181b', '#584fe6'],
    ['black, on the dark surface', '#000000', '#18181b', '#666666'],
    ['the default dark accent (8.9:1), on the dark surface', '#a5b4fc', '#18181b', null],
    ['a light accent, on the dark surface', '#ffd700', '#18181b', null],
    ['an amber (2.1:1), on white', '#f59e0b', '#fff', '#c47e09'],
    ['a yellow, on white', '#fde047', '#ffffff', '#a4922e'],
    ['white, on white', '#ffffff', '#fff', '#8c8c8c'],
    ['the default accent (6.3:1), on white', '#4f46e5', '#fff', null],
    ['a colour it cannot measure', 'gold', '#fff', null],
    ['on a surface it cannot measure', '#f59e0b', 'white', null],
  ])('%s', (_, accent, surface, reached) => {
    expect(reachContrast(accent, surface)).toBe(reached)
    if (reached) expect(contrast(reached, surface)).toBeGreaterThanOrEqual(3)
  })
})
