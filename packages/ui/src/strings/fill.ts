import type { Plural } from './types'

/** Replaces `{name}` placeholders in a UI string. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => String(vars[name] ?? all))
}

/** Picks the plural form of `n` for `locale` and fills `{n}` in it. */
export function plural(forms: Plural, n: number, locale: string): string {
  let category: Intl.LDMLPluralRule = 'other'
  try {
    category = new Intl.PluralRules(locale).select(n)
  } catch {
    // An invalid tag must not break the prompt: fall back to the `other` form.
  }
  return fill(forms[category] ?? forms.other, { n })
}
