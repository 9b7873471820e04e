import { keepArrays } from '../keepArrays'
import { safe } from './safe'

/**
 * The host's object as JSON keeps it now, for a call that runs later (while Sonde starts): the
 * host may change it meanwhile (reused for the next export, a user model updated). What JSON
 * cannot copy (a cycle) gives `fallback`: by default the value as it is, for the call to refuse
 * with its own error.
 */
export function copyNow<T>(value: T, fallback: unknown = value): T {
  return safe(() => JSON.parse(JSON.stringify(value ?? {}, keepArrays)), fallback as T)
}
