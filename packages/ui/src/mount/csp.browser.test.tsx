import { afterAll, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { differingPixels } from '../test/differingPixels'
import { screenshotPixels } from '../test/screenshotPixels'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

// This file runs in its own iframe: the policy added here cannot reach other test files.
const POLICY = "style-src 'self'; require-trusted-types-for 'script'"
const violations: string[] = []
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`)
})
afterAll(closeAll)

function layout(shadow: ShadowRoot) {
  return [...shadow.querySelectorAll<HTMLElement>('.s, h2, [role=radio], .x')].map((el) => {
    const box = el.getBoundingClientRect()
    return `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)} ${getComputedStyle(el).backgroundColor}`
  })
}

async function settle(shadow: ShadowRoot) {
  const surface = shadow.querySelector('.s')
  await Promise.all(surface?.getAnimations().map((a) => a.finished) ?? [])
}

test('under a strict CSP with Trusted Types it renders the same, with no violation', async () => {
  await page.viewport(1024, 768)
  const before = show(nps, { theme: { accent: '#0f766e' } })
  await before.handle.ready
  await settle(before.shadow)
  const expected = layout(before.shadow)
  const surface = before.shadow.querySelector('.s') as HTMLElement
  const radius = Number.parseFloat(getComputedStyle(surface).borderTopLeftRadius)
  const cleanShot = await screenshotPixels(surface)
  closeAll()

  const meta = document.createElement('meta')
  meta.httpEquiv = 'Content-Security-Policy'
  meta.content = POLICY
  document.head.prepend(meta)
  // Positive controls: the policy is live, so an inline style attribute is reported and an
  // innerHTML assignment without a Trusted Type throws.
  const probe = document.createElement('p')
  probe.setAttribute('style', 'color: red')
  document.body.append(probe)
  expect(probe.style.color).toBe('')
  expect(() => {
    probe.innerHTML = '<b>html</b>'
  }).toThrow(TypeError)
  await expect.poll(() => violations.length).toBe(2)
  violations.length = 0

  const { handle, shadow, answered } = show(nps, { theme: { accent: '#0f766e' }, locale: 'fr' })
  await handle.ready
  handle.update({ locale: 'en' })
  await settle(shadow)
  expect(layout(shadow)).toEqual(expected)
  const strictShot = await screenshotPixels(shadow.querySelector('.s') as HTMLElement)
  expect(differingPixels(cleanShot, strictShot, radius)).toBe(0)
  shadow.querySelector<HTMLElement>('[role=radio]')?.click()
  expect(answered).toHaveLength(1)
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(violations).toEqual([])
})
