import * as z from 'zod/mini'
import { audienceSchema } from './audience'
import { checkTextLocales } from './checkTextLocales'
import { conditionProblems } from './conditionProblems'
import { displaySchema } from './display'
import { frequencySchema, scheduleSchema } from './frequency'
import { intSchema } from './int'
import { idSchema, type Question, questionSchema } from './question'
import { type Issues, refine } from './refine'
import { localeTagSchema, localizedTextSchema } from './text'
import { triggerSchema } from './trigger'

/** Fields a survey and a tour share: identity, when, for whom and how often. */
export const targetableFields = {
  id: idSchema,
  version: intSchema.check(z.gte(1)),
  locale: z.optional(localeTagSchema),
  priority: z.optional(intSchema),
  trigger: z.optional(triggerSchema),
  audience: z.optional(audienceSchema),
  frequency: z.optional(frequencySchema),
  schedule: z.optional(scheduleSchema),
}

// Branches may only jump forward: a survey is then always finite, whatever the answers.
function checkBranches({ questions }: { questions: Question[] }, ctx: Issues): void {
  const index = new Map<string, number>()
  questions.forEach((q, i) => {
    // "end" is what a goto and the flow say for "no more questions": it would never be asked.
    const message =
      q.id === 'end'
        ? 'expected an id other than "end", which ends the survey'
        : index.has(q.id)
          ? `duplicate question id "${q.id}"`
          : null
    if (message)
      ctx.addIssue({ code: 'custom', input: q.id, path: ['questions', i, 'id'], message })
    index.set(q.id, i)
  })
  questions.forEach((q, i) => {
    q.next?.forEach((rule, r) => {
      for (const [path, message] of rule.if ? conditionProblems(q, rule.if) : []) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'next', r, 'if', ...path], message })
      }
      if (rule.goto === 'end') return
      const target = index.get(rule.goto)
      if (target === undefined || target <= i) {
        ctx.addIssue({
          code: 'custom',
          input: rule.goto,
          path: ['questions', i, 'next', r, 'goto'],
          message:
            target === undefined
              ? `expected "end" or the id of a question, got "${rule.goto}"`
              : target === i
                ? `expected a later question: "${rule.goto}" is this question`
                : `expected a later question: "${rule.goto}" comes before "${q.id}"`,
        })
      }
    })
  })
}

// The question type whose answer is the score of each kind (as the SDK's `surveyMetric` reads it).
const scoredBy = { nps: 'nps', csat: 'rating', ces: 'ces' } as const

// A scored kind without its question would send answers but never a score.
function checkKind(
  { kind, questions }: { kind: Survey['kind']; questions: Question[] },
  ctx: Issues,
): void {
  if (kind === 'custom' || questions.some((q) => q.type === scoredBy[kind])) return
  ctx.addIssue({
    code: 'custom',
    input: kind,
    path: ['kind'],
    message: `expected a "${scoredBy[kind]}" question for a ${kind} survey, or kind "custom"`,
  })
}

/** A survey definition, as product teams author it in JSON. */
export const surveySchema = z
  .strictObject({
    ...targetableFields,
    kind: z.literal(['nps', 'csat', 'ces', 'custom']),
    questions: z.array(questionSchema).check(z.minLength(1), z.maxLength(30)),
    thankYou: z.optional(localizedTextSchema),
    display: z.optional(displaySchema),
  })
  .check(refine(checkBranches), refine(checkKind), refine(checkTextLocales('survey')))

/** A survey as product teams author it: questions, trigger, audience, frequency, schedule. */
export type Survey = z.infer<typeof surveySchema>
