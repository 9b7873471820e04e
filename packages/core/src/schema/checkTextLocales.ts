import type { Issues } from './refine'

// Any part of a definition, read for its texts and the lists that hold more of them.
type Part = { readonly [field: string]: unknown }

/** The fields of a survey, question, option, tour and step that hold a text. */
export const textFields =
  'thankYou text description lowLabel highLabel placeholder label title body'.split(' ')
/** The fields that hold a list of parts with texts. */
export const textLists = ['questions', 'options', 'steps']

// A map of locale → text falls back to the item's own locale for visitors of every language it
// does not have (resolveText): one without it shows them whichever text came first, so an
// English survey with a question written only in French asks English visitors in French.
function lacks(text: unknown, own: string): boolean {
  return (
    !!text &&
    typeof text === 'object' &&
    !Object.keys(text).some((tag) => `${own}-`.startsWith(`${tag.toLowerCase()}-`))
  )
}

/** Refuses each text map of a survey or tour that has no text in the item's `locale`. */
export function checkTextLocales(kind: 'survey' | 'tour') {
  return (item: { locale?: string | undefined }, ctx: Issues): void => {
    const locale = item.locale ?? 'en'
    const message = `expected a text in the ${kind}'s locale, "${locale}", for other languages`
    const visit = (part: Part, path: (string | number)[]) => {
      for (const [field, value] of Object.entries(part)) {
        if (textFields.includes(field) && lacks(value, locale.toLowerCase()))
          ctx.addIssue({ code: 'custom', input: value, path: [...path, field], message })
        if (textLists.includes(field))
          for (const [i, child] of (value as Part[]).entries()) visit(child, [...path, field, i])
      }
    }
    visit(item, [])
  }
}
