import { utf8Length } from './utf8Length'

/** The UTF-8 length of `JSON.stringify(value)`: what the value weighs in a request body. */
export function measureJson(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '')
}
