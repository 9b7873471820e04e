import { type Mock, vi } from 'vitest'
import type { Chunks } from '../runtime/chunks'

/** Chunks as `init` loads them, with the survey or tour chunk held until `release()` (a slow network). */
export function slowChunk(kind: 'survey' | 'tour'): {
  chunks: Chunks
  requested: Mock
  release: () => void
} {
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  const requested = vi.fn()
  const chunks: Chunks = {
    survey: () => import('../chunks/survey'),
    tour: () => import('../chunks/tour'),
    validator: () => import('../validate/index'),
    delivery: () => import('../chunks/delivery'),
  }
  const load = chunks[kind]
  Object.assign(chunks, {
    [kind]: () => {
      requested()
      return held.then(load as () => Promise<unknown>)
    },
  })
  return { chunks, requested, release }
}
