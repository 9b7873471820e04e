import * as z from 'zod/mini'
import { intSchema } from './int'
import { type Issues, refine } from './refine'
import { tagged } from './tagged'
import { localizedTextSchema } from './text'

// "." and ".." are refused: a URL path holding one (the collector's /v1/stats/{surveyId}) is
// rewritten by every browser before it is sent, so such a survey could never be looked up.
const id = z
  .string()
  .check(
    z.regex(
      /^(?!\.\.?$)[A-Za-z0-9_.:-]{1,64}$/,
      'expected an id of 1–64 letters, digits, _ . : - (not "." or "..")',
    ),
  )

/** The `if` of a branching rule: every condition present must hold for the answer. */
export const answerConditionSchema = z.strictObject({
  bucket: z.optional(z.literal(['detractor', 'passive', 'promoter'])),
  eq: z.optional(z.union([z.string(), z.number()])),
  neq: z.optional(z.union([z.string(), z.number()])),
  in: z.optional(z.array(z.union([z.string(), z.number()]))),
  contains: z.optional(z.string()),
  gte: z.optional(z.number()),
  lte: z.optional(z.number()),
  gt: z.optional(z.number()),
  lt: z.optional(z.number()),
  answered: z.optional(z.boolean()),
})

/** A branching rule: the first rule whose `if` holds decides; `"end"` ends the survey. */
export const nextRuleSchema = z.strictObject({
  if: z.optional(answerConditionSchema),
  goto: id,
})

const base = {
  id,
  text: localizedTextSchema,
  description: z.optional(localizedTextSchema),
  optional: z.optional(z.boolean()),
  next: z.optional(z.array(nextRuleSchema)),
}
const labels = {
  lowLabel: z.optional(localizedTextSchema),
  highLabel: z.optional(localizedTextSchema),
}

export const choiceOptionSchema = z.strictObject({ id, label: localizedTextSchema })

// The answer value of a choice's "other" (`OTHER` in @sonde/ui; its text goes in `other`).
export const OTHER_ANSWER = 'other'

// Answers carry option ids, so each must tell one option apart: from the others, and from the
// "other" answer when the question offers one.
function checkOptions(
  { options, other }: { options: ChoiceOption[]; other?: boolean | undefined },
  ctx: Issues,
): void {
  const seen = new Set<string>()
  options.forEach((option, i) => {
    const message = seen.has(option.id)
      ? `duplicate option id "${option.id}"`
      : other && option.id === OTHER_ANSWER
        ? `expected an id other than "${OTHER_ANSWER}" (other: true)`
        : null
    if (message)
      ctx.addIssue({ code: 'custom', input: option.id, path: ['options', i, 'id'], message })
    seen.add(option.id)
  })
}

/** The points a rating (CSAT) question's scale can have. */
export const RATING_SCALES = [3, 5, 7, 10] as const
/** The points a CES question's scale can have (7 when not given). */
export const CES_SCALES = [5, 7] as const

/** One question. `type` decides the input: nps 0–10, rating, ces 1–7, text or choice. */
export const questionSchema = tagged('type', [
  z.strictObject({
    ...base,
    ...labels,
    type: z.literal('nps'),
    // A scale of 1–5 written on an NPS question: told what to write instead, not "unknown field".
    scale: z.optional(
      z.never('expected no scale: an nps question is 0–10 (type "rating" takes 3, 5, 7 or 10)'),
    ),
  }),
  z.strictObject({
    ...base,
    ...labels,
    type: z.literal('rating'),
    scale: z.literal(RATING_SCALES),
    style: z.optional(z.literal(['numbers', 'stars', 'emoji'])),
  }),
  z.strictObject({
    ...base,
    ...labels,
    type: z.literal('ces'),
    scale: z.optional(z.literal(CES_SCALES)),
  }),
  z.strictObject({
    ...base,
    type: z.literal('text'),
    maxLength: z.optional(intSchema.check(z.gte(1), z.lte(10_000))),
    placeholder: z.optional(localizedTextSchema),
  }),
  z
    .strictObject({
      ...base,
      type: z.literal('choice'),
      multiple: z.optional(z.boolean()),
      other: z.optional(z.boolean()),
      options: z.array(choiceOptionSchema).check(z.minLength(1), z.maxLength(50)),
    })
    .check(refine(checkOptions)),
])

export type AnswerCondition = z.infer<typeof answerConditionSchema>
export type NextRule = z.infer<typeof nextRuleSchema>
export type ChoiceOption = z.infer<typeof choiceOptionSchema>
export type Question = z.infer<typeof questionSchema>
export type QuestionType = Question['type']
export { id as idSchema }
