/** One day in milliseconds: every `…Days` setting is converted with it (no calendar, no DST). */
export const DAY_MS = 86_400_000
