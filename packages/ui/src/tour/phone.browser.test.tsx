/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { onScreenKeyboard } from '../test/onScreenKeyboard'
import { box, el, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

// A tour on a phone, 360 × 640 CSS px: its steps are bottom sheets.

afterEach(async () => {
  closeTours()
  await page.viewport(1024, 768)
})

function overlap(a: { top: number; bottom: number }, b: { top: number; bottom: number }): number {
  return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
}

// "Search here": the respondent taps the field to try it, and the keyboard comes up. Lifted
// above it, the sheet must not then sit on the very field they are typing in.
test('a step on a text field: the sheet lifted by the keyboard does not cover the field', async () => {
  await page.viewport(360, 640)
  const keyboard = onScreenKeyboard()
  try {
    const field = el('input', { position: 'absolute', top: '220px', left: '16px' })
    field.id = 't'
    const s = showTour(
      tour({ steps: [{ id: 'a', target: '#t', title: 'Search', body: 'Find any report.' }] }),
    )
    await s.handle.ready
    const tip = s.tip() as HTMLElement
    await until(() => tip.getAttribute('data-pos') === 'sheet')
    await Promise.all(tip.getAnimations().map((a) => a.finished))
    expect(overlap(box(tip), box(field))).toBe(0)
    await userEvent.click(field)
    keyboard.open(300)
    await expect
      .poll(() => Math.round(box(tip).bottom) <= 340 || tip.hasAttribute('data-top'))
      .toBe(true)
    await expect.poll(() => overlap(box(tip), box(field))).toBe(0)
  } finally {
    keyboard.restore()
  }
})
