/** A short, never-throwing rendering of a config value for human messages. */
export function describeValue(value: unknown): string {
  try {
    const text = JSON.stringify(value)
    if (text !== undefined) return text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    // Cycles and BigInts fall through: the message is for humans, the reason code is the contract.
  }
  return String(typeof value)
}
