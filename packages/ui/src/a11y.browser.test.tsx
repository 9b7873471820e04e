import type { Survey } from '@sonde/core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { contrast } from './test/contrast'
import { closeAll, show } from './test/show'
import { nps, text } from './test/surveys'

afterEach(closeAll)
beforeAll(() => page.viewport(360, 720))
afterAll(() => page.viewport(1024, 768))

async function ready(survey: Survey, scheme: 'light' | 'dark', locale: string) {
  const shown = show(survey, { locale, theme: { colorScheme: scheme } })
  await shown.handle.ready
  const surface = shown.shadow.querySelector('.s')
  await Promise.all(surface?.getAnimations().map((a) => a.finished) ?? [])
  return shown
}

// axe-core over every prompt state, theme, direction and width: a11y-sweep.browser.test.tsx.
describe('default theme contrast ≥ 4.5:1', () => {
  test.each(['light', 'dark'] as const)('%s', async (scheme) => {
    const { shadow } = await ready(nps, scheme, 'en')
    const css = (selector: string) => {
      const el = shadow.querySelector(selector)
      if (!el) throw new Error(`no ${selector}`)
      return getComputedStyle(el)
    }
    const bg = css('.s').backgroundColor
    const pairs: [string, string, string][] = [
      ['question', css('h2').color, bg],
      ['end labels', css('.ends').color, bg],
      ['scale number', css('[role=radio]').color, bg],
      ['close', css('.x').color, bg],
    ]
    await userEvent.click(page.getByRole('radio', { name: /^9$/ }))
    pairs.push(['counter', css('.cnt').color, bg])
    pairs.push(['progress', css('.pg').color, bg])
    await userEvent.fill(page.getByRole('textbox'), 'Yes')
    const button = css('.b')
    pairs.push(['primary button', button.color, button.backgroundColor])
    for (const [name, fg, back] of pairs) {
      expect({ name, ratio: contrast(fg, back) >= 4.5 }).toEqual({ name, ratio: true })
    }
    // Scale borders and the focus ring are controls' edges: 3:1 (WCAG 1.4.11).
    const border = css('.in').borderTopColor
    expect(contrast(border, bg)).toBeGreaterThanOrEqual(3)
  })
})

// The same colours as hex, a name, rgb() and hsl(): the text on the accent must not depend on
// how a team writes its brand colour.
describe('a theme accent in any CSS notation keeps its button text ≥ 4.5:1', () => {
  test.each(['#fde047', 'gold', 'rgb(253 224 71)', 'hsl(51 100% 50%)', 'navy', 'rgb(79, 70, 229)'])(
    '%s',
    async (accent) => {
      const { handle, shadow } = show(text, { theme: { accent, colorScheme: 'light' } })
      await handle.ready
      const button = getComputedStyle(shadow.querySelector('.b') as Element)
      expect(contrast(button.color, button.backgroundColor)).toBeGreaterThanOrEqual(4.5)
    },
  )
})
