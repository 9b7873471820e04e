import { keepArrays } from '../keepArrays'
import { safe } from './safe'

/**
 * The host's object as JSON keeps it now, for a call that runs later (while Sonde starts): the
 * host may change it meanwhile (reused for the next export, a user model updated). What JSON
 * cannot copy (a cycle) is given as it is, for the call to refuse with its own error.
 */
export function copyNow<T>(value: T): T {
  return safe(() => JSON.parse(JSON.stringify(value ?? {}, keepArrays)) as T, value)
}
