import type * as z from 'zod/mini'

/** An issue a check of a whole item finds: where in the item, what was expected, what was written. */
export type ItemIssue = {
  code: 'custom'
  path: PropertyKey[]
  message: string
  input?: unknown
}

/** What such a check reports to. */
export interface Issues {
  addIssue(issue: ItemIssue): void
}

/**
 * A check of a whole item (a survey's branches, a tour's step ids, a schedule's order), as
 * z.superRefine makes one and without its class: each issue it adds is at its own path, with the
 * item as its input unless it names one, and the item's other checks still run.
 */
export const refine =
  <T>(check: (value: T, issues: Issues) => void): z.core.CheckFn<T> =>
  (payload) =>
    check(payload.value, {
      addIssue: (issue) => payload.issues.push({ input: payload.value, continue: true, ...issue }),
    })
