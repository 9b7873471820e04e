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

// Blank (spaces, a line break) shows a question with nothing to read and a dialog with no name.
const text = z.string().check(z.regex(/\S/, 'expected a text, not an empty or blank one'))

/**
 * A map of locale → text. One with no text, or an entry left empty for a translation to come,
 * would show a blank question (the JSON Schema says `minProperties: 1`: see scripts/schemas.ts).
 */
export const localeMapSchema = z
  .record(localeTagSchema, text)
  .check(z.refine((map) => Object.keys(map).length > 0, 'expected at least one locale'))

/** A text in the survey's own locale, or a map of locale → text. */
export const localizedTextSchema = z.union([text, localeMapSchema])

export type LocalizedText = z.infer<typeof localizedTextSchema>
