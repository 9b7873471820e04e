import { afterEach, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

afterEach(closeAll)

// Host apps built with web components (Shoelace, Ionic, Lit…) keep their inputs in shadow roots,
// often a component inside another's.
function nestedInput(depth: number): HTMLInputElement {
  const input = document.createElement('input')
  input.setAttribute('aria-label', 'Search')
  let inner: Element = input
  for (let i = 0; i < depth; i++) {
    const component = document.createElement(`x-field${i}`)
    component.attachShadow({ mode: 'open' }).append(inner)
    inner = component
  }
  document.body.append(inner)
  return input
}

test.each([1, 2])(
  'closing a modal prompt gives focus back to an input %i web component(s) deep',
  async (depth) => {
    const input = nestedInput(depth)
    input.focus()
    const { shadow, handle } = show(nps, { position: 'center' })
    await handle.ready
    await expect.poll(() => (shadow.activeElement as HTMLElement | null)?.textContent).toBe('0')
    await userEvent.keyboard('{Escape}')
    expect(handle.host.isConnected).toBe(false)
    expect((input.getRootNode() as ShadowRoot).activeElement).toBe(input)
  },
)
