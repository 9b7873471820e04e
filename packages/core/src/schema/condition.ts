import * as z from 'zod/mini'

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

export { scalar as scalarSchema }

/**
 * A comparison on one value: `{ gte: 3 }`, `{ in: ["pro", "business"] }`, `{ exists: true }`.
 * Several operators in one object must all hold.
 */
export const comparisonSchema = z.strictObject({
  eq: z.optional(scalar),
  neq: z.optional(scalar),
  // An empty list holds for no value.
  in: z.optional(z.array(scalar).check(z.minLength(1))),
  contains: z.optional(z.union([z.string(), z.number()])),
  gt: z.optional(z.number()),
  gte: z.optional(z.number()),
  lt: z.optional(z.number()),
  lte: z.optional(z.number()),
  exists: z.optional(z.boolean()),
})

/** A property filter: a comparison object, or a bare value meaning `{ eq: value }`. */
export const filterSchema = z.union([scalar, comparisonSchema])

/**
 * Bounds on a count of page views or events, which is a whole number from 0. Bounds no count can
 * meet (swapped, a gap between neighbours, a fraction, below 0) are refused: the audience would
 * hold no one, and the survey would never show, without a word.
 */
export const countSchema = z
  .strictObject({
    eq: z.optional(z.number()),
    gt: z.optional(z.number()),
    gte: z.optional(z.number()),
    lt: z.optional(z.number()),
    lte: z.optional(z.number()),
  })
  .check(z.refine(reachable, 'expected bounds a count (a whole number from 0) can meet'))

function reachable({ eq, gt, gte, lt, lte }: Count): boolean {
  const low = Math.max(0, Math.ceil(gte ?? 0), Math.floor(gt ?? -1) + 1)
  const high = Math.min(Math.floor(lte ?? Infinity), Math.ceil(lt ?? Infinity) - 1)
  return eq === undefined ? low <= high : Number.isInteger(eq) && low <= eq && eq <= high
}

export type Scalar = z.infer<typeof scalar>
export type Comparison = z.infer<typeof comparisonSchema>
export type Filter = z.infer<typeof filterSchema>
export type Count = z.infer<typeof countSchema>
