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
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    // OWASP lists the line feed since 2025: a spreadsheet may drop a leading line break and read
    // what follows it as a formula, as it does after a carriage return.
    ['\n=HYPERLINK("x")', `"'\n=HYPERLINK(""x"")"`],
    ['\u000b=1+1', "'\u000b=1+1"],
    ['\u001f@sum', "'\u001f@sum"],
    [['a', 'b'], '"[""a"",""b""]"'],
    // Excel with `;` as its list separator (a German or French locale), or reading tabs, splits
    // an unquoted cell there: the part after would be a cell of its own, and a formula.
    ['ok;=HYPERLINK("x")', `"ok;=HYPERLINK(""x"")"`],
    ['ok\t=1+1', '"ok\t=1+1"'],
    ['\t=1+1;x', `"'\t=1+1;x"`],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n')
  })
})
