import type { KeyValue } from '../context/keyValue'
import { hashText } from './hashText'

// The options a site has seen valid, by the hash of their serialised form (optionsKey.ts), so
// that later pages with the same options start without the validator chunk.
const KEY = 'valid'
const KEEP = 8

const digest = (key: string, version: string) => `${version}:${hashText(key)}`

/** Whether this SDK version has seen `key` valid on this site. */
export function isRemembered(kv: KeyValue, key: string, version: string): boolean {
  return (kv.get(KEY) ?? '').split(' ').includes(digest(key, version))
}

/** Records `key` as valid, keeping the last few (a site may start Sonde in several ways). */
export function remember(kv: KeyValue, key: string, version: string): void {
  const seen = (kv.get(KEY) ?? '').split(' ').filter(Boolean)
  const next = [digest(key, version), ...seen.filter((d) => d !== digest(key, version))]
  kv.set(KEY, next.slice(0, KEEP).join(' '))
}
