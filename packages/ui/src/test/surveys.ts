import { type Survey, surveySchema } from '@sonde/core'

// Checked against the real schema, so a fixture can never drift from what authors may write.
function survey(input: unknown): Survey {
  return surveySchema.parse(input)
}

/** The NPS example of DESIGN.md: detractors are asked what to improve, others what they love. */
export const nps = survey({
  id: 'nps-q4',
  version: 3,
  kind: 'nps',
  locale: 'en',
  questions: [
    {
      id: 'score',
      type: 'nps',
      text: {
        en: 'How likely are you to recommend Acme to a friend or colleague?',
        fr: 'Quelle est la probabilité que vous recommandiez Acme à un ami ou un collègue ?',
        ar: 'ما مدى احتمال أن توصي بـ Acme لصديق أو زميل؟',
      },
      lowLabel: { en: 'Not at all likely', fr: 'Pas du tout probable' },
      highLabel: { en: 'Extremely likely', fr: 'Très probable' },
      next: [{ if: { bucket: 'detractor' }, goto: 'improve' }, { goto: 'love' }],
    },
    {
      id: 'improve',
      type: 'text',
      optional: true,
      maxLength: 1000,
      text: { en: 'What should we improve first?' },
      next: [{ goto: 'end' }],
    },
    { id: 'love', type: 'text', optional: true, text: { en: 'What do you love most?' } },
  ],
  display: { position: 'bottom-right', dismissible: true },
})

/** A survey of one question, for testing each kind alone. */
export function single(question: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return survey({
    id: `one-${String(question.type)}`,
    version: 1,
    kind: 'custom',
    locale: 'en',
    questions: [{ id: 'q', text: 'Your view?', ...question }],
    ...extra,
  })
}

export const csatStars = single({ type: 'rating', scale: 5, style: 'stars' })
export const csatEmoji = single({ type: 'rating', scale: 5, style: 'emoji' })
export const csatNumbers = single({ type: 'rating', scale: 10 })
export const ces = survey({
  id: 'ces-export',
  version: 1,
  kind: 'ces',
  locale: 'en',
  questions: [
    { id: 'effort', type: 'ces', text: 'Acme made it easy for me to export my report.' },
    {
      id: 'blocker',
      type: 'choice',
      multiple: false,
      other: true,
      options: [
        { id: 'format', label: 'File format' },
        { id: 'speed', label: 'Speed' },
      ],
      text: 'What got in the way?',
    },
  ],
})
export const multi = single({
  type: 'choice',
  multiple: true,
  other: true,
  options: [
    { id: 'a', label: 'Reports' },
    { id: 'b', label: 'Exports' },
  ],
})
export const text = single({ type: 'text', maxLength: 20 })

/** One survey per question kind and style, named for test titles. */
export const everyKind: [string, Survey][] = [
  ['nps', nps],
  ['rating stars', csatStars],
  ['rating emoji', csatEmoji],
  ['rating numbers', csatNumbers],
  ['ces', ces],
  ['single choice', single({ ...ces.questions[1] })],
  ['multiple choice', multi],
  ['text', text],
]
