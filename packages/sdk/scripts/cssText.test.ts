import { describe, expect, it } from 'vitest'
import { cssText } from './cssText'

type Hook = (code: string, id: string) => { code: string } | null

const transform = cssText().transform as unknown as Hook

describe('cssText', () => {
  it('takes the line breaks out of the rules of a .css.ts module, where none separates words', () => {
    // An interpolation in the module's template literal, `${dark}` (not a placeholder here).
    const hole = ['$', '{dark}'].join('')
    const code =
      'const dark = "--bg:#000;color-scheme:dark";\n' +
      'export const css = `\n.a{color:red;\nmargin:0}\n.b{' +
      hole +
      '}\n@media (x){.c{inset:auto\n0}}\n`;\n'
    expect(transform(code, '/src/prompt/Prompt.css.ts')?.code).toBe(
      'const dark = "--bg:#000;color-scheme:dark";\n' +
        'export const css = `.a{color:red;margin:0}.b{' +
        hole +
        '}@media (x){.c{inset:auto 0}}`;\n',
    )
  })

  it('leaves every other module as it is', () => {
    expect(transform('export const a = `\n.x{}\n`', '/src/Prompt.tsx')).toBeNull()
  })
})
