import { describe, expect, it } from 'vitest'
import { describeJsonError } from './describeJsonError'

const errorOf = (text: string) => {
  try {
    JSON.parse(text)
  } catch (error) {
    return error
  }
  throw new Error('parsed')
}

describe('describeJsonError', () => {
  it.each([
    ['a stray comma', '{\n  "a": 1,\n}', 'line 3 column 1'],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 'line 3 column 3'],
    ['a file cut short', '{"a": 1', 'line 1 column 8'],
    ['a line break in a text', '{\n"a": "x\n"}', 'line 2 column 8'],
  ])('says the line and column of %s', (_, text, where) => {
    expect(describeJsonError(text, errorOf(text))).toContain(where)
  })

  it('keeps a message without a position as it is', () => {
    expect(describeJsonError('', new SyntaxError('Unexpected end of JSON input'))).toBe(
      'Unexpected end of JSON input',
    )
  })

  it('does not say the line twice when the runtime says it', () => {
    const message = 'Unexpected token in JSON at position 3 (line 1 column 4)'
    expect(describeJsonError('{"a', new SyntaxError(message))).toBe(message)
  })
})
