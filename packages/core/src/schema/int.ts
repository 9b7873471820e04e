import * as z from 'zod/mini'

const MAX = Number.MAX_SAFE_INTEGER

/**
 * z.int()'s check, written out: a fraction is refused as zod refuses it (`expected int, got
 * number`, and no other check of the field runs), a whole number past the safe range as too big
 * or too small (the field's own bounds are still checked). zod's number-format class brought its
 * table of float32, int32 and uint32 ranges too, which no Sonde field uses.
 */
export const wholeNumber: z.core.CheckFn<number> = (payload) => {
  const input = payload.value
  if (!Number.isInteger(input))
    payload.issues.push({ code: 'invalid_type', expected: 'int', input, continue: false })
  else if (!Number.isSafeInteger(input))
    payload.issues.push(
      input > 0
        ? { code: 'too_big', origin: 'int', maximum: MAX, inclusive: true, input, continue: true }
        : {
            code: 'too_small',
            origin: 'int',
            minimum: -MAX,
            inclusive: true,
            input,
            continue: true,
          },
    )
}

/** A whole number within the safe range, as z.int() (the published schemas say "integer"). */
export const intSchema = z.number().check(wholeNumber)
