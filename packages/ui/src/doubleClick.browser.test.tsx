import { afterEach, describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { single } from './test/surveys'

afterEach(closeAll)

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

// The next question appears under the pointer before the second click of a double-click lands:
// a habitual double-click must not answer (or skip) a question the respondent never saw.
describe('a double-click', () => {
  test('on a scale point answers that question only', async () => {
    const survey = single(
      { type: 'nps' },
      {
        questions: [
          { id: 'score', type: 'nps', text: 'How likely are you to recommend Acme?' },
          { id: 'sat', type: 'rating', scale: 5, text: 'How satisfied are you with exports?' },
        ],
      },
    )
    const { ui, answered, handle } = show(survey)
    await handle.ready
    await userEvent.dblClick(ui.getByRole('radio', { name: /^9$/ }))
    await settle()
    expect(answered.map((a) => a.questionId)).toEqual(['score'])
    expect(ui.getByRole('radiogroup', { name: /satisfied/ })).toBeTruthy()
  })

  test('on Next does not skip the optional question after it', async () => {
    const survey = single(
      { type: 'text' },
      {
        questions: [
          { id: 'love', type: 'text', optional: true, text: 'What do you love most?' },
          { id: 'more', type: 'text', optional: true, text: 'Anything else?' },
        ],
      },
    )
    const { ui, answered, completed, handle } = show(survey)
    await handle.ready
    await userEvent.fill(ui.getByRole('textbox'), 'Fast exports')
    await userEvent.dblClick(ui.getByRole('button', { name: 'Next' }))
    await settle()
    expect(answered.map((a) => a.questionId)).toEqual(['love'])
    expect(completed).toEqual([])
    expect(ui.getByRole('textbox', { name: 'Anything else?' })).toBeTruthy()
  })
})
