// Every prompt state the accessibility sweep audits: how to reach it from a fresh mount with the
// keyboard or the pointer (in English), and how to prove it is on screen in any language.
import { type Position, resolveText, type Survey } from '@sonde/core'
import { expect } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { fill } from '../strings/fill'
import type { Strings } from '../strings/types'
import type { show } from './show'
import { ces, everyKind, multi, nps, single } from './surveys'

export type Shown = ReturnType<typeof show>

export interface SurveyState {
  name: string
  survey: Survey
  position?: Position
  /** From the first question, in English, to the state. */
  drive?: (shown: Shown) => Promise<void>
  /** Proves the state is on screen, whatever the UI language. */
  check: (shown: Shown, strings: Strings, locale: string) => void
}

const improve = 'What should we improve first?'
const love = 'What do you love most?'

function title(survey: Survey, index: number, locale: string): string {
  const question = survey.questions[index]
  if (!question) throw new Error(`${survey.id} has no question ${index}`)
  return resolveText(question.text, locale, survey.locale)
}

function named({ ui }: Shown, name: string): void {
  expect(ui.getByRole('dialog', { name }).isConnected).toBe(true)
}

function progress({ ui }: Shown, s: Strings, n: number, total: number): void {
  expect(ui.getByText(fill(s.progress, { n, total })).isConnected).toBe(true)
}

function modal({ shadow }: Shown): void {
  expect(shadow.querySelector('dialog')?.matches(':modal')).toBe(true)
}

function thanked(shown: Shown, s: Strings): void {
  named(shown, s.thanks)
  expect(shown.completed).toHaveLength(1)
}

const click = (name: string | RegExp, role: 'radio' | 'button' | 'checkbox' = 'radio') =>
  userEvent.click(page.getByRole(role, { name }))

/** A required text question with a description and a placeholder, not dismissible. */
const required = single(
  {
    type: 'text',
    maxLength: 20,
    description: 'One sentence is enough.',
    placeholder: 'Your answer',
  },
  { display: { position: 'top-left', dismissible: false } },
)

/** An optional 7-point rating, answerable or skippable, in the full-width bottom position. */
const optional = single(
  { type: 'rating', scale: 7, optional: true, description: 'Skip it if you like.' },
  { display: { position: 'bottom' } },
)

const firstQuestions: SurveyState[] = everyKind.map(([kind, survey]) => ({
  name: `${kind}: first question`,
  survey,
  check: (shown, _, locale) => {
    named(shown, title(survey, 0, locale))
    expect(shown.answered).toHaveLength(0)
  },
}))

export const surveyStates: SurveyState[] = [
  ...firstQuestions,
  {
    name: 'nps: 4 selected with the arrows, not yet submitted',
    survey: nps,
    async drive({ ui }) {
      ui.getByRole('radio', { name: /^0\b/ }).focus()
      await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}')
    },
    check: ({ ui, answered }) => {
      expect(ui.getByRole('radio', { checked: true }).textContent).toBe('4')
      expect(answered).toHaveLength(0)
    },
  },
  {
    name: 'nps: detractor branch to the follow-up, empty',
    survey: nps,
    drive: () => click(/^4\b/),
    check: (shown, s) => {
      named(shown, improve)
      progress(shown, s, 2, 2)
      expect((shown.ui.getByRole('textbox') as HTMLTextAreaElement).value).toBe('')
    },
  },
  {
    name: 'nps: follow-up near its length limit (995/1000)',
    survey: nps,
    async drive() {
      await click(/^4\b/)
      const text = 'Faster exports, please. '.repeat(42).slice(0, 995)
      await userEvent.fill(page.getByRole('textbox'), text)
    },
    check: (shown) => {
      named(shown, improve)
      expect((shown.ui.getByRole('textbox') as HTMLTextAreaElement).value).toHaveLength(995)
      expect(shown.ui.getByText('995/1000').isConnected).toBe(true)
    },
  },
  {
    name: 'nps: thank-you screen',
    survey: nps,
    async drive() {
      await click(/^4\b/)
      await userEvent.fill(page.getByRole('textbox'), 'More exports')
      await click('Submit', 'button')
    },
    check: thanked,
  },
  {
    name: 'centre modal: first question over the backdrop',
    survey: nps,
    position: 'center',
    check: (shown, _, locale) => {
      named(shown, title(nps, 0, locale))
      modal(shown)
    },
  },
  {
    name: 'centre modal: promoter branch to the follow-up',
    survey: nps,
    position: 'center',
    drive: () => click(/^9\b/),
    check: (shown, s) => {
      named(shown, love)
      progress(shown, s, 2, 2)
      modal(shown)
    },
  },
  {
    name: 'centre modal: thank-you screen',
    survey: nps,
    position: 'center',
    async drive() {
      await click(/^10\b/)
      await click('Submit', 'button')
    },
    check: (shown, s) => {
      thanked(shown, s)
      modal(shown)
    },
  },
  {
    name: 'ces: second question, an option selected with the arrows',
    survey: ces,
    async drive({ ui }) {
      await click(/^7\b/)
      await expect.poll(() => ui.getByRole('radio', { name: 'File format' }).matches(':focus'))
      await userEvent.keyboard('{ArrowDown}')
    },
    check: (shown, s) => {
      named(shown, title(ces, 1, 'en'))
      progress(shown, s, 2, 2)
      expect(shown.ui.getByRole('radio', { checked: true }).textContent).toBe('Speed')
    },
  },
  {
    name: 'ces: second question, "other" chosen and typed in',
    survey: ces,
    async drive() {
      await click(/^7\b/)
      await click('Other')
      await userEvent.fill(page.getByRole('textbox'), 'Too many steps')
    },
    check: ({ ui }, s) => {
      expect(ui.getByRole('radio', { name: s.other, checked: true }).isConnected).toBe(true)
      const other = ui.getByRole('textbox', { name: `${s.other}: ${s.otherLabel}` })
      expect((other as HTMLInputElement).value).toBe('Too many steps')
    },
  },
  {
    name: 'multiple choice: two ticked, "other" typed in',
    survey: multi,
    async drive() {
      await click('Reports', 'checkbox')
      await click('Other', 'checkbox')
      await userEvent.fill(page.getByRole('textbox'), 'The CLI')
    },
    check: ({ ui }) => {
      expect(ui.getAllByRole('checkbox', { checked: true })).toHaveLength(2)
      expect((ui.getByRole('textbox') as HTMLInputElement).value).toBe('The CLI')
    },
  },
  {
    name: 'stars: 4 of 5 selected with the arrows',
    survey: everyKind[1]?.[1] as Survey,
    async drive({ ui }) {
      ui.getByRole('radio', { name: '1 star' }).focus()
      await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}')
    },
    check: ({ ui, shadow }) => {
      expect(ui.getByRole('radio', { checked: true }).getAttribute('aria-label')).toMatch(/4/)
      expect(shadow.querySelectorAll('.r.on')).toHaveLength(4)
    },
  },
  {
    name: 'required text with description, not dismissible: empty, Submit disabled',
    survey: required,
    check: ({ ui }, s) => {
      expect(ui.getByRole('textbox').getAttribute('aria-required')).toBe('true')
      expect((ui.getByRole('button', { name: s.submit }) as HTMLButtonElement).disabled).toBe(true)
      expect(ui.queryByRole('button', { name: s.close })).toBe(null)
    },
  },
  {
    name: 'required text at its length limit (20/20)',
    survey: required,
    drive: () => userEvent.fill(page.getByRole('textbox'), 'Twenty characters!!!'),
    check: ({ ui }, s) => {
      expect(ui.getByText('20/20').isConnected).toBe(true)
      expect((ui.getByRole('button', { name: s.submit }) as HTMLButtonElement).disabled).toBe(false)
    },
  },
  {
    name: 'optional rating with Skip, full-width bottom position',
    survey: optional,
    check: ({ ui, shadow }, s) => {
      expect(ui.getByRole('button', { name: s.skip }).isConnected).toBe(true)
      expect(shadow.querySelector('.s')?.getAttribute('data-pos')).toBe('bottom')
    },
  },
]
