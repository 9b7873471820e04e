import { afterEach, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from '../test/show'
import { nps, single } from '../test/surveys'

afterEach(closeAll)

// Hotwire Turbo Drive, htmx boost, pjax: the page's <body> is replaced under the prompt, which
// Sonde puts back in the new one (keepInPage). A keyboard or screen reader user was in it.
function swapBody() {
  const body = document.createElement('body')
  body.append(Object.assign(document.createElement('main'), { textContent: 'The next page' }))
  document.body.replaceWith(body)
}
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((go) => setTimeout(go, 20))
  expect(check()).toBe(true)
}

test('the radio that had the focus has it again once the prompt is back', async () => {
  const { shadow, handle } = show(nps)
  await handle.ready
  const seven = shadow.querySelectorAll<HTMLElement>('[role=radio]')[7] as HTMLElement
  seven.focus()
  await userEvent.keyboard('{ArrowRight}')
  expect(shadow.activeElement?.textContent).toBe('8')

  swapBody()
  await until(() => document.body.contains(handle.host))
  await until(() => shadow.activeElement !== null)
  expect(shadow.activeElement?.textContent).toBe('8')
  expect(shadow.activeElement?.getAttribute('aria-checked')).toBe('true')
  expect(shadow.querySelector('[role=dialog]')?.matches(':popover-open')).toBe(true)
})

test('a "why?" answer being typed keeps its text and the focus once the prompt is back', async () => {
  const { shadow, handle, answered } = show(single({ type: 'text' }))
  await handle.ready
  const field = shadow.querySelector('textarea') as HTMLTextAreaElement
  field.focus()
  await userEvent.keyboard('Sync is slow')

  swapBody()
  await until(() => document.body.contains(handle.host))
  const again = shadow.querySelector('textarea') as HTMLTextAreaElement
  expect(again.value).toBe('Sync is slow')
  await until(() => shadow.activeElement === again)
  await userEvent.keyboard(' at night{Control>}{Enter}{/Control}')
  expect(answered.at(-1)?.answers.map((a) => a.value)).toEqual(['Sync is slow at night'])
})

test('a prompt the focus was not in leaves it in the new page', async () => {
  const { shadow, handle } = show(nps)
  await handle.ready
  swapBody()
  await until(() => document.body.contains(handle.host))
  await until(() => !!shadow.querySelector('[role=dialog]')?.matches(':popover-open'))
  expect(shadow.activeElement).toBeNull()
})

test('a centred prompt is modal again in the new body, with the focus in it', async () => {
  const { shadow, handle } = show(nps, { position: 'center' })
  await handle.ready
  swapBody()
  await until(() => document.body.contains(handle.host))
  await until(() => !!shadow.querySelector('dialog')?.matches(':modal'))
  await until(() => shadow.activeElement !== null)
})

test('the prompt back in the page is not announced again: its live region is the one it had', async () => {
  const { shadow, handle } = show(nps)
  await handle.ready
  const region = shadow.querySelector('[role=status]') as HTMLElement
  await until(() => region.textContent !== '')
  const said = region.textContent

  swapBody()
  await until(() => document.body.contains(handle.host))
  await new Promise((go) => setTimeout(go, 300))
  // A region made anew, empty then filled, is read out again over the new page's own reading.
  expect(shadow.querySelector('[role=status]')).toBe(region)
  expect(region.textContent).toBe(said)
})

// Turbo keeps an element marked data-turbo-permanent, and a page drawn anew has its controls again
// under their ids: the button that opened the prompt is then the new page's one of that id.
test('closing a prompt after the page was swapped sends the focus to its opener of the same id', async () => {
  const button = (text: string) =>
    Object.assign(document.createElement('button'), { id: 'feedback', textContent: text })
  const opener = button('Feedback')
  document.body.append(opener)
  opener.focus()
  const { shadow, handle } = show(nps, { position: 'center' })
  await handle.ready
  await until(() => shadow.activeElement !== null)

  const body = document.createElement('body')
  const again = button('Feedback, drawn anew')
  body.append(again)
  document.body.replaceWith(body)
  await until(() => document.body.contains(handle.host))
  await until(() => shadow.activeElement !== null)
  handle.close()
  expect(document.activeElement).toBe(again)
})
