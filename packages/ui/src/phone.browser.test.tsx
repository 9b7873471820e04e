/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { multi, text } from './test/surveys'

// A prompt on a phone: 360 × 640 CSS px, answered with a finger.

afterEach(async () => {
  closeAll()
  await page.viewport(1024, 768)
})

// Safari on iOS zooms the whole page in on a text field whose text is under 16 px when it is
// focused, and leaves it zoomed after the prompt has gone: the respondent must pinch it back.
test('the text fields of a prompt have 16 px text, so iOS does not zoom the page on them', async () => {
  await page.viewport(360, 640)
  const sizes: number[] = []
  for (const survey of [text, multi]) {
    const { ui, handle } = show(survey)
    await handle.ready
    if (survey === multi) await userEvent.click(ui.getByRole('checkbox', { name: /other/i }))
    for (const field of ui.getAllByRole('textbox')) {
      sizes.push(Number.parseFloat(getComputedStyle(field).fontSize))
    }
    closeAll()
  }
  expect(sizes).toHaveLength(2)
  expect(sizes.filter((size) => size < 16)).toEqual([])
})
