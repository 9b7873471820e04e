import { afterEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import type { MountOptions } from './mountSurvey'
import { closeAll, show } from './test/show'
import { nps } from './test/surveys'

// A page zoomed with CSS `zoom` on its root (a density setting, an embedded dashboard scaled
// down): the prompt keeps its own size, so its text stays readable and its points ≥ 24 px.
afterEach(async () => {
  closeAll()
  document.documentElement.style.zoom = ''
  await page.viewport(1024, 768)
})

async function measure(zoom: string, position: MountOptions['position']) {
  document.documentElement.style.zoom = zoom
  const shown = show(nps, { position })
  await shown.handle.ready
  const surface = shown.shadow.querySelector('.s') as HTMLElement
  // After the entrance motion, which moves and scales it.
  await Promise.all(surface.getAnimations().map((a) => a.finished))
  const r = surface.getBoundingClientRect()
  const point = shown.ui.getByRole('radio', { name: /^9$/ }).getBoundingClientRect()
  closeAll()
  document.documentElement.style.zoom = ''
  return { r, point }
}

test.each([
  ['0.5', 1024, 'bottom-right'],
  ['0.8', 1024, 'bottom-right'],
  ['1.5', 1024, 'bottom-right'],
  ['0.5', 1024, 'center'],
  ['1.5', 1024, 'center'],
  ['0.5', 360, 'bottom-right'],
  ['1.5', 360, 'bottom-right'],
] as const)(
  'at zoom %s, %i px wide, a %s prompt keeps its size and place',
  async (zoom, width, position) => {
    await page.viewport(width, 700)
    const plain = await measure('1', position)
    const zoomed = await measure(zoom, position)
    for (const side of ['top', 'right', 'bottom', 'left', 'width', 'height'] as const)
      expect(Math.abs(zoomed.r[side] - plain.r[side]), side).toBeLessThanOrEqual(1.5)
    expect(zoomed.point.height).toBeGreaterThanOrEqual(24)
    expect(Math.abs(zoomed.point.width - plain.point.width)).toBeLessThanOrEqual(1)
  },
)
