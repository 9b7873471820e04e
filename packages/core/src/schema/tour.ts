import * as z from 'zod/mini'
import { checkTextLocales } from './checkTextLocales'
import { intSchema } from './int'
import { idSchema } from './question'
import { type Issues, refine } from './refine'
import { targetableFields } from './survey'
import { localizedTextSchema } from './text'

export const placementSchema = z.literal([
  'auto',
  'top',
  'bottom',
  'left',
  'right',
  'start',
  'end',
  'top-start',
  'top-end',
  'bottom-start',
  'bottom-end',
  'left-start',
  'left-end',
  'right-start',
  'right-end',
])

/** One step of a tour, anchored to a host element by CSS selector (or centred without one). */
export const tourStepSchema = z.strictObject({
  id: idSchema,
  target: z.optional(z.string().check(z.minLength(1))),
  title: localizedTextSchema,
  body: z.optional(localizedTextSchema),
  placement: z.optional(placementSchema),
  spotlight: z.optional(z.boolean()),
  advanceOn: z.optional(
    // An event of no name is never tracked: the step would wait for nothing.
    z.strictObject({
      click: z.optional(z.boolean()),
      event: z.optional(z.string().check(z.minLength(1))),
    }),
  ),
})

// tour:step and tour:dismissed name the step by its id: two steps of one id could not be told
// apart where a team reads at which step visitors leave.
function checkSteps({ steps }: { steps: TourStep[] }, ctx: Issues): void {
  const seen = new Set<string>()
  steps.forEach(({ id }, i) => {
    const message = `duplicate step id "${id}"`
    if (seen.has(id)) ctx.addIssue({ code: 'custom', input: id, path: ['steps', i, 'id'], message })
    seen.add(id)
  })
}

/** An onboarding tour: targeting like a survey, then steps. */
export const tourSchema = z
  .strictObject({
    ...targetableFields,
    missingTarget: z.optional(
      z.strictObject({
        policy: z.literal(['wait', 'skip', 'abort']),
        timeoutMs: z.optional(intSchema.check(z.gte(0), z.lte(600_000))),
      }),
    ),
    steps: z.array(tourStepSchema).check(z.minLength(1), z.maxLength(50)),
  })
  .check(refine(checkTextLocales('tour')), refine(checkSteps))

export type Placement = z.infer<typeof placementSchema>
export type TourStep = z.infer<typeof tourStepSchema>
/** A tour as product teams author it: steps anchored to the page, trigger, audience, frequency. */
export type Tour = z.infer<typeof tourSchema>
