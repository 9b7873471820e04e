/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
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

// Held sideways with a notch (a page extending under it, `viewport-fit=cover`): a step on the
// menu button in the top corner, which the page keeps clear of the notch itself.
test('on a phone held sideways, a tooltip at the edge keeps clear of the notch', async () => {
  await page.viewport(844, 390)
  const insets = { top: 0, right: 47, bottom: 21, left: 47 }
  await cdp().send('Emulation.setSafeAreaInsetsOverride', { insets })
  try {
    for (const side of ['left', 'right'] as const) {
      const menu = el(
        'button',
        { position: 'fixed', top: '12px', [side]: '51px' },
        document.body,
        't',
      )
      const s = showTour(
        tour({
          steps: [
            { id: 'a', target: '#t', title: 'Menu', body: 'Every page of the app, from here on.' },
          ],
        }),
      )
      await s.handle.ready
      const tip = s.tip() as HTMLElement
      await until(() => tip.style.top !== '')
      expect(box(tip).top).toBeGreaterThan(box(menu).bottom)
      expect(box(tip).left).toBeGreaterThanOrEqual(insets.left)
      expect(box(tip).right).toBeLessThanOrEqual(844 - insets.right)
      closeTours()
    }
  } finally {
    await cdp().send('Emulation.setSafeAreaInsetsOverride', {
      insets: { top: 0, right: 0, bottom: 0, left: 0 },
    })
  }
})
