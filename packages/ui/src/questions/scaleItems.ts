import type { RadioItem } from './RadioGroup'
import type { Said } from './types'

/** The integers from `from` to `to`, inclusive. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/**
 * Scale points showing their number. A point with words gets the name "9 – Extremely likely":
 * names always start with the number, so a screen reader user hears the value first.
 */
export function numberItems(
  values: number[],
  words: (value: number) => Said | undefined,
): RadioItem<number>[] {
  return values.map((value) => {
    const [word, lang] = words(value) ?? []
    return { value, content: value, label: word ? `${value} – ${word}` : undefined, lang }
  })
}
