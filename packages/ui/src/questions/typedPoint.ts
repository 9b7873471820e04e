/**
 * The point a typed number names, among a scale's `values`, and whether another digit could still
 * name a further one ("1" on 0–10 may become "10"). A number naming none starts again from its
 * last digit: "1" then "5" is 5, as there is no 15.
 */
export function typedPoint(
  typed: string,
  values: (string | number)[],
): { index: number; typed: string; more: boolean } | undefined {
  for (const text of [typed, typed.slice(-1)]) {
    const index = values.findIndex((value) => String(value) === text)
    if (index >= 0) {
      const more = values.some((value) => String(value).startsWith(text) && String(value) !== text)
      return { index, typed: text, more }
    }
  }
  return undefined
}
