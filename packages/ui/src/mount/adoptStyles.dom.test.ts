import { afterEach, expect, test, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

test('without constructable stylesheets, a <style> carrying the nonce is used', async () => {
  vi.stubGlobal(
    'CSSStyleSheet',
    class {
      constructor() {
        throw new TypeError('Illegal constructor')
      }
    },
  )
  const { adoptStyles } = await import('./adoptStyles')
  const root = document.createElement('div').attachShadow({ mode: 'open' })
  adoptStyles(root, '.s{color:red}', 'n0nce')
  const style = root.querySelector('style')
  expect(style?.nonce).toBe('n0nce')
  expect(style?.textContent).toBe('.s{color:red}')
})

test.each([
  ["the nonce of the page's scripts", 'p4ge', 'p4ge'],
  ['none where the page has none', undefined, ''],
])('without them and without a nonce given, the <style> carries %s', async (_, page, expected) => {
  vi.stubGlobal(
    'CSSStyleSheet',
    class {
      constructor() {
        throw new TypeError('Illegal constructor')
      }
    },
  )
  const script = document.createElement('script')
  if (page) script.nonce = page
  script.setAttribute(page ? 'nonce' : 'data-x', page ?? '')
  document.head.append(script)
  const { adoptStyles } = await import('./adoptStyles')
  const root = document.createElement('div').attachShadow({ mode: 'open' })
  adoptStyles(root, '.s{}')
  expect(root.querySelector('style')?.nonce).toBe(expected)
  script.remove()
})

test('with them, one sheet is shared by every root', async () => {
  const { adoptStyles } = await import('./adoptStyles')
  const a = document.createElement('div').attachShadow({ mode: 'open' })
  const b = document.createElement('div').attachShadow({ mode: 'open' })
  adoptStyles(a, '.s{}')
  adoptStyles(b, '.s{}')
  expect(a.adoptedStyleSheets).toHaveLength(1)
  expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0])
  expect(a.querySelector('style')).toBeNull()
})

test('a root with other rules (a tour beside a survey) gets its own sheet', async () => {
  const { adoptStyles } = await import('./adoptStyles')
  const a = document.createElement('div').attachShadow({ mode: 'open' })
  const b = document.createElement('div').attachShadow({ mode: 'open' })
  adoptStyles(a, '.s{}')
  adoptStyles(b, '.t{}')
  expect(a.adoptedStyleSheets[0]).not.toBe(b.adoptedStyleSheets[0])
})
