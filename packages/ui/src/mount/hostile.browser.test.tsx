import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { differingPixels } from '../test/differingPixels'
import { screenshotPixels } from '../test/screenshotPixels'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

beforeEach(() => page.viewport(1024, 768))
afterEach(closeAll)

const HOSTILE = `* { all: unset !important }
div { display: none !important }
html { font-size: 40px }
body { transform: scale(1.2); overflow: hidden; filter: blur(2px) }
body > * { display: none !important; visibility: hidden !important; opacity: 0 !important }`

function addPageStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
  return style
}

function surfaceOf(shadow: ShadowRoot): HTMLElement {
  const el = shadow.querySelector<HTMLElement>('[role=dialog], dialog')
  if (!el) throw new Error('no surface')
  return el
}

// Waits for the entrance animation, so boxes are where they stay.
async function shown(shadow: ShadowRoot): Promise<void> {
  await Promise.all(
    surfaceOf(shadow)
      .getAnimations()
      .map((a) => a.finished),
  )
}

// What a screenshot would show, as numbers: boxes, fonts and colours of the key parts.
function measure(shadow: ShadowRoot) {
  const surface = surfaceOf(shadow)
  const parts = [surface, ...shadow.querySelectorAll<HTMLElement>('h2, [role=radio], .ends, .x')]
  return parts.map((el) => {
    const box = el.getBoundingClientRect()
    const css = getComputedStyle(el)
    return {
      box: [box.x, box.y, box.width, box.height].map(Math.round),
      font: `${css.fontSize} ${css.fontWeight} ${css.fontFamily}`,
      colors: `${css.color} ${css.backgroundColor}`,
      display: css.display,
    }
  })
}

describe('isolation from the host page', () => {
  test('the shadow root is open and the surface is in the top layer', async () => {
    const { handle, shadow } = show(nps)
    await handle.ready
    expect(handle.host.shadowRoot).toBe(shadow)
    expect(shadow.mode).toBe('open')
    expect(surfaceOf(shadow).matches(':popover-open')).toBe(true)
  })

  test('a hostile host stylesheet neither hides nor changes the prompt', async () => {
    const clean = show(nps)
    await clean.handle.ready
    await shown(clean.shadow)
    const before = measure(clean.shadow)
    const surface = surfaceOf(clean.shadow)
    const radius = Number.parseFloat(getComputedStyle(surface).borderTopLeftRadius)
    const cleanShot = await screenshotPixels(surface)
    closeAll()
    // The comparison's own check: the same prompt in French is seen as different.
    const french = show(nps, { locale: 'fr' })
    await french.handle.ready
    await shown(french.shadow)
    const frenchShot = await screenshotPixels(surfaceOf(french.shadow))
    expect(differingPixels(cleanShot, frenchShot, radius)).toBeGreaterThan(100)
    closeAll()
    const style = addPageStyle(HOSTILE)
    try {
      const { handle, shadow, answered } = show(nps)
      await handle.ready
      await shown(shadow)
      expect(measure(shadow)).toEqual(before)
      const hostileShot = await screenshotPixels(surfaceOf(shadow))
      expect(differingPixels(cleanShot, hostileShot, radius)).toBe(0)
      expect(getComputedStyle(shadow.querySelector('h2') as Element).fontSize).toBe('16px')
      await userEvent.click(page.getByRole('radio', { name: /^9$/ }))
      expect(answered).toHaveLength(1)
    } finally {
      style.remove()
    }
  })

  test('none of its styles leak onto the host page', async () => {
    const probe = document.createElement('button')
    probe.className = 's r b x q'
    probe.textContent = 'host'
    document.body.append(probe)
    const before = getComputedStyle(probe).cssText || JSON.stringify(getComputedStyle(probe))
    const { handle } = show(nps)
    await handle.ready
    const after = getComputedStyle(probe).cssText || JSON.stringify(getComputedStyle(probe))
    expect(after).toBe(before)
  })

  test('the page around it keeps its layout: its host element takes no place in it', async () => {
    // Common page layouts: the host element ends up one more child of a flex or grid <body>.
    const style = addPageStyle(
      'body { display: flex; justify-content: space-between; gap: 24px; margin: 0 }',
    )
    const nav = document.createElement('nav')
    const main = document.createElement('main')
    nav.textContent = 'Menu'
    main.textContent = 'Reports'
    document.body.append(nav, main)
    try {
      const boxes = () => [nav, main].map((el) => JSON.stringify(el.getBoundingClientRect()))
      const before = boxes()
      const { handle } = show(nps)
      await handle.ready
      expect(boxes()).toEqual(before)
    } finally {
      style.remove()
    }
  })

  test('a host overlay at z-index 2147483647 does not cover it', async () => {
    const overlay = document.createElement('div')
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0/.5);pointer-events:auto'
    document.body.append(overlay)
    const { handle, shadow, answered } = show(nps)
    await handle.ready
    const nine = shadow.querySelectorAll<HTMLElement>('[role=radio]')[9]
    const box = nine?.getBoundingClientRect()
    if (!nine || !box) throw new Error('no radio 9')
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
    expect(document.elementFromPoint(x, y)).toBe(handle.host)
    expect(shadow.elementFromPoint(x, y)).toBe(nine)
    await userEvent.click(page.getByRole('radio', { name: /^9$/ }))
    expect(answered).toHaveLength(1)
  })

  test('inside a transformed, overflow-hidden ancestor it is neither clipped nor moved', async () => {
    const box = document.createElement('section')
    box.style.cssText =
      'position:relative;z-index:1;width:20px;height:20px;overflow:hidden;transform:translate(30px,30px)'
    document.body.append(box)
    const { handle, shadow, answered } = show(nps, { container: box })
    await handle.ready
    await shown(shadow)
    const rect = surfaceOf(shadow).getBoundingClientRect()
    expect(Math.round(rect.right)).toBe(window.innerWidth - 16)
    expect(Math.round(rect.bottom)).toBe(window.innerHeight - 16)
    expect(rect.width).toBeGreaterThan(300)
    await userEvent.click(page.getByRole('radio', { name: /^3$/ }))
    expect(answered).toHaveLength(1)
  })

  test('custom properties of the page with the names it uses inside do not move it', async () => {
    // Custom properties inherit into a shadow root whatever `all: initial` says; short names
    // like these are common in app stylesheets.
    await page.viewport(360, 640)
    const clean = show(nps)
    await clean.handle.ready
    await shown(clean.shadow)
    const before = measure(clean.shadow)
    closeAll()
    const style = addPageStyle(
      ':root { --kb: 240px; --r: 40px; --bg: red; --tx: blue; --ac: lime; --mu: pink; --bd: red }',
    )
    try {
      const { handle, shadow } = show(nps)
      await handle.ready
      await shown(shadow)
      expect(measure(shadow)).toEqual(before)
    } finally {
      style.remove()
      await page.viewport(1024, 768)
    }
  })

  test('under 480 px wide it becomes a bottom sheet', async () => {
    await page.viewport(360, 640)
    try {
      const { handle, shadow } = show(nps)
      await handle.ready
      await shown(shadow)
      const rect = surfaceOf(shadow).getBoundingClientRect()
      expect([rect.left, rect.width, Math.round(rect.bottom)]).toEqual([0, 360, 640])
      const radios = [...shadow.querySelectorAll('[role=radio]')]
      // All eleven NPS points fit on one row, each at least 24 px wide (WCAG 2.5.8).
      const boxes = radios.map((r) => r.getBoundingClientRect())
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1)
      expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThanOrEqual(24)
    } finally {
      await page.viewport(1024, 768)
    }
  })
})
