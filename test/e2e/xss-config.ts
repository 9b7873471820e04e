// The config of the security sweep (xss.e2e.ts): for each payload one survey with every kind of
// question and one tour, every text field holding the payload. Each field gets its own tag
// after the payload, so a text that shows up in the wrong place (a description as the title)
// is told apart; the payload comes first, where a `javascript:` or markup prefix matters.

type Text = string | Record<string, string>

export interface SweepQuestion {
  id: string
  type: 'nps' | 'rating' | 'ces' | 'text' | 'choice'
  text: Text
  description?: Text
  lowLabel?: Text
  highLabel?: Text
  placeholder?: Text
  options?: { id: string; label: Text }[]
  [extra: string]: unknown
}
export interface SweepSurvey {
  id: string
  questions: SweepQuestion[]
  thankYou: Text
  display: { position: string }
  [extra: string]: unknown
}
export interface SweepTour {
  id: string
  steps: { id: string; title: Text; body: Text; [extra: string]: unknown }[]
  [extra: string]: unknown
}
export interface SweepConfig {
  surveys: SweepSurvey[]
  tours: SweepTour[]
}

/** The config putting payload `i` in every text field of survey `x<i>` and tour `t<i>`. */
export function sweepConfig(payloads: readonly string[]): SweepConfig {
  return {
    surveys: payloads.map((payload, i) => surveyFor(payload, `x${i}`, POSITIONS[i % 3]!)),
    tours: payloads.map((payload, i) => tourFor(payload, `t${i}`)),
  }
}

// A corner prompt, a centred modal <dialog> and a bottom sheet: three surfaces, in turn.
const POSITIONS = ['bottom-right', 'center', 'bottom'] as const

function surveyFor(payload: string, id: string, position: string): SweepSurvey {
  const t = (field: string) => `${payload}⟦${field}⟧`
  // Some fields as a locale map: that path resolves the text before rendering it.
  const map = (field: string) => ({ en: t(field), fr: t(field) })
  const scale = (q: string) => ({
    text: t(`${q}.text`),
    description: t(`${q}.description`),
    lowLabel: t(`${q}.lowLabel`),
    highLabel: map(`${q}.highLabel`),
  })
  const options = (q: string) => [
    { id: 'a', label: t(`${q}.options.a`) },
    { id: 'b', label: map(`${q}.options.b`) },
  ]
  return {
    id,
    version: 1,
    kind: 'custom',
    locale: 'en',
    questions: [
      { id: 'nps', type: 'nps', ...scale('nps') },
      { id: 'rating', type: 'rating', scale: 5, style: 'numbers', ...scale('rating') },
      // Emoji points show no words: the labels only go into the points' accessible names.
      { id: 'emoji', type: 'rating', scale: 5, style: 'emoji', ...scale('emoji') },
      { id: 'ces', type: 'ces', ...scale('ces') },
      {
        id: 'single',
        type: 'choice',
        text: t('single.text'),
        description: map('single.description'),
        options: options('single'),
        other: true,
      },
      {
        id: 'multi',
        type: 'choice',
        multiple: true,
        text: map('multi.text'),
        description: t('multi.description'),
        options: options('multi'),
      },
      {
        id: 'open',
        type: 'text',
        text: t('open.text'),
        description: t('open.description'),
        placeholder: t('open.placeholder'),
      },
    ],
    thankYou: t('thankYou'),
    display: { position },
  }
}

function tourFor(payload: string, id: string): SweepTour {
  const t = (field: string) => `${payload}⟦${field}⟧`
  return {
    id,
    version: 1,
    locale: 'en',
    steps: [
      // Anchored to a host element (floating-ui places it), then centred and modal.
      {
        id: 'anchored',
        target: '#new-report',
        title: t('anchored.title'),
        body: t('anchored.body'),
        placement: 'bottom',
        spotlight: true,
      },
      { id: 'centred', title: { en: t('centred.title') }, body: t('centred.body') },
    ],
  }
}
