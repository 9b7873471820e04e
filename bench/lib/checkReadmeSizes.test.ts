import { describe, expect, it } from 'vitest'
import { checkReadmeSizes, type MeasuredSize } from './checkReadmeSizes'

const readme = `# Product

## Size

| What a page downloads               | Now   | Budget |
| ----------------------------------- | ----- | ------ |
| the inline stub                     | 0.15  | 1      |
| a survey on screen, in all (+ more) | 30.56 | 24     |

## Next

| the inline stub | 99 | 99 |
`
const stub = (size: number, sizeLimit = 1000): MeasuredSize => ({
  name: 'stub snippet',
  size,
  sizeLimit,
})
const survey = (size: number): MeasuredSize => ({
  name: 'survey shown (en)',
  size,
  sizeLimit: 24_000,
})

describe('checkReadmeSizes', () => {
  it.each([
    ['the figures as published', [stub(150), survey(30_560)], []],
    ['a change within 2% or 0.05 KB', [stub(190), survey(31_100)], []],
    [
      'a figure that moved further',
      [stub(150), survey(28_000)],
      ['README says 30.56 KB for "a survey on screen", the build measures 28.00 KB'],
    ],
    [
      'a budget that differs',
      [stub(150, 2000)],
      ['README gives "the inline stub" a budget of 1 KB, size-limit 2'],
    ],
    [
      'an entry without a row',
      [{ name: 'everything', size: 1, sizeLimit: 32_000 }],
      [`README's Size table has no row for "everything"`],
    ],
    [
      'an entry without a label',
      [{ name: 'brand new', size: 1, sizeLimit: 1 }],
      ['no README label for the size-limit entry "brand new"'],
    ],
  ])('%s', (_, measured, problems) => {
    expect(checkReadmeSizes(readme, measured)).toEqual(problems)
  })

  it('reads only the Size section', () => {
    expect(checkReadmeSizes(readme.replace('## Size', '## Other'), [stub(150)])).toEqual([
      `README's Size table has no row for "the inline stub"`,
    ])
  })
})
