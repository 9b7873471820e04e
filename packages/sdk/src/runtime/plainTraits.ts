import { safe } from './safe'

/**
 * Traits as JSON keeps them, or null when they are no JSON object. They travel in every event
 * and are stored with the state: a cycle would make each event impossible to queue, a function
 * the state impossible to store (so display history, and with it recontact, would be lost). A
 * string's characters or an array's items are no traits.
 */
export function plainTraits(traits: unknown): Record<string, unknown> | null {
  const plain: unknown = safe(() => JSON.parse(JSON.stringify(traits ?? {})), null)
  return typeof plain === 'object' && plain && !Array.isArray(plain)
    ? (plain as Record<string, unknown>)
    : null
}
