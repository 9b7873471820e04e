import { afterEach, describe, expect, test } from 'vitest'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

afterEach(closeAll)

const backdrop = (shadow: ShadowRoot) => {
  const surface = shadow.querySelector('.s')
  if (!surface) throw new Error('no prompt')
  return getComputedStyle(surface, '::backdrop').backgroundColor
}

// A corner prompt sits in the top layer as a popover, which has a ::backdrop too: it must stay
// clear, or the whole host page looks disabled while the person can still use it.
describe('backdrop in Chromium', () => {
  test.each(['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom'] as const)(
    'a %s prompt leaves the page undimmed',
    async (position) => {
      const { handle, shadow } = show(nps, { position })
      await handle.ready
      expect(backdrop(shadow)).toBe('rgba(0, 0, 0, 0)')
    },
  )

  test('a center prompt is modal and dims the page', async () => {
    const { handle, shadow } = show(nps, { position: 'center' })
    await handle.ready
    expect(backdrop(shadow)).toBe('rgba(0, 0, 0, 0.45)')
  })
})
