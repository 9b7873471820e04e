/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { cdp, page } from 'vitest/browser'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

// The system preferences a theme follows, emulated through the DevTools protocol so the real
// media queries match, as on a machine set that way.
function emulate(features: { name: string; value: string }[]) {
  return cdp().send('Emulation.setEmulatedMedia', { features })
}

afterEach(async () => {
  closeAll()
  await emulate([])
  await page.viewport(1024, 768)
})

async function surface() {
  const shown = show(nps)
  await shown.handle.ready
  const el = shown.shadow.querySelector<HTMLElement>('.s')
  if (!el) throw new Error('no surface')
  return el
}

test('an auto theme follows the system colour scheme', async () => {
  await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
  const dark = await surface()
  expect(getComputedStyle(dark).backgroundColor).toBe('rgb(24, 24, 27)')
  expect(getComputedStyle(dark).colorScheme).toBe('dark')
  closeAll()
  await emulate([{ name: 'prefers-color-scheme', value: 'light' }])
  const light = await surface()
  expect(getComputedStyle(light).backgroundColor).toBe('rgb(255, 255, 255)')
})

test('with reduced motion it appears without its entrance animation', async () => {
  const moving = await surface()
  expect(moving.getAnimations()).toHaveLength(1)
  closeAll()
  await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  const still = await surface()
  expect(still.getAnimations()).toHaveLength(0)
})

test('the bottom sheet rises above the on-screen keyboard', async () => {
  await page.viewport(360, 640)
  // Desktop Chromium opens no on-screen keyboard, so a stand-in visual viewport reports one the
  // way mobile browsers do: the visual viewport shrinks from the bottom and fires `resize`.
  const real = Object.getOwnPropertyDescriptor(window, 'visualViewport')
  const viewport = Object.assign(new EventTarget(), { height: 640, offsetTop: 0 })
  Object.defineProperty(window, 'visualViewport', { configurable: true, value: viewport })
  try {
    const sheet = await surface()
    await Promise.all(sheet.getAnimations().map((animation) => animation.finished))
    expect(Math.round(sheet.getBoundingClientRect().bottom)).toBe(640)
    viewport.height = 340
    viewport.dispatchEvent(new Event('resize'))
    await expect.poll(() => Math.round(sheet.getBoundingClientRect().bottom)).toBe(340)
    viewport.height = 640
    viewport.dispatchEvent(new Event('resize'))
    await expect.poll(() => Math.round(sheet.getBoundingClientRect().bottom)).toBe(640)
  } finally {
    if (real) Object.defineProperty(window, 'visualViewport', real)
  }
})
