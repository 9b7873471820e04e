import type { ItemKind } from './types'

/** The key of an item in `TargetingState.history`: `survey:nps-q4`, `tour:welcome`. */
export function historyKey(kind: ItemKind, id: string): string {
  return `${kind}:${id}`
}
