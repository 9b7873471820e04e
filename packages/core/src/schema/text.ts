import * as z from 'zod/mini'

/** A BCP 47 language tag such as `en`, `fr-CA` or `zh-Hant-TW`. */
export const localeTagSchema = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
      'expected a BCP 47 language tag such as "fr-CA"',
    ),
  )

/** A text in the survey's own locale, or a map of locale → text. */
export const localizedTextSchema = z.union([
  z.string().check(z.minLength(1, 'expected a non-empty text')),
  z.record(localeTagSchema, z.string()),
])

export type LocalizedText = z.infer<typeof localizedTextSchema>
