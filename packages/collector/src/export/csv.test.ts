import { describe, expect, it } from 'vitest'
import { csvCell, csvRow } from './csv'

describe('csvCell', () => {
  it.each([
    [null, ''],
    [3, '3'],
    [-3, '-3'],
    [true, 'true'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-bad', "'-bad"],
    ['@sum', "'@sum"],
    [['a', 'b'], '"[""a"",""b""]"'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n')
  })
})
