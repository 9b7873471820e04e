import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from '../test/show'
import { nps } from '../test/surveys'

// What the focus tracking would throw into the page (its focusin listener runs in the page's
// event dispatch): collected here rather than failing the run from outside the test.
const errors: string[] = []
const onError = (event: ErrorEvent) => {
  errors.push(String(event.message))
  event.preventDefault()
}
beforeAll(() => window.addEventListener('error', onError))
afterAll(() => window.removeEventListener('error', onError))
afterEach(() => {
  errors.length = 0
  closeAll()
})

const add = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Node = document.body) => {
  const el = document.createElement(tag)
  parent.appendChild(el)
  return el
}

// A corner prompt: focus goes in only when the respondent moves it there from the page.
async function enterPromptAndClose(shadow: ShadowRoot) {
  const zero = shadow.querySelector<HTMLElement>('[role=radio]') as HTMLElement
  zero.focus()
  expect(shadow.activeElement).toBe(zero)
  await userEvent.keyboard('{Escape}')
}

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

// The element remembered at mount is checked against each element focus later comes from.
test('the link focused at mount was removed, then focus came from an input: focus returns to the input', async () => {
  const link = add('a')
  link.href = '/next-page' // a detached <a> is its own root node, and its `host` is a string
  link.textContent = 'Next page'
  link.focus()
  const { shadow, handle } = show(nps)
  await handle.ready
  link.remove() // the app re-rendered: the link the respondent was on is gone
  const input = add('input')
  input.focus()
  await enterPromptAndClose(shadow)
  expect(handle.host.isConnected).toBe(false)
  expect(errors).toEqual([])
  expect(document.activeElement).toBe(input)
})

test('a page with <form name="host">: focus returns to the input it came from', async () => {
  const form = add('form')
  form.name = 'host' // document.host is now this form (a named property of Document)
  const first = add('input', form)
  const second = add('input', form)
  first.focus()
  const { shadow, handle } = show(nps)
  await handle.ready
  second.focus()
  await enterPromptAndClose(shadow)
  expect(errors).toEqual([])
  expect(document.activeElement).toBe(second)
})

test('an element whose focus() throws: the prompt still closes and reports it', async () => {
  const input = add('input')
  input.focus()
  input.focus = () => {
    throw new Error('the page’s own focus()')
  }
  const { shadow, handle, closed } = show(nps, { position: 'center' })
  await handle.ready
  await expect.poll(() => shadow.activeElement).not.toBeNull()
  await userEvent.keyboard('{Escape}')
  expect(handle.host.isConnected).toBe(false)
  expect(closed()).toBe(1)
  expect(errors).toEqual([])
})

test('an app that is one web component: focus returns to where the respondent was last, not at mount', async () => {
  const app = add('div')
  const root = app.attachShadow({ mode: 'open' })
  const first = add('input', root)
  first.setAttribute('aria-label', 'Search')
  const second = add('input', root)
  second.setAttribute('aria-label', 'Name')
  first.focus()
  const { shadow, handle } = show(nps)
  await handle.ready
  second.focus() // the respondent moved on in the app, then into the prompt
  await enterPromptAndClose(shadow)
  expect(handle.host.isConnected).toBe(false)
  expect(root.activeElement?.getAttribute('aria-label')).toBe('Name')
})
