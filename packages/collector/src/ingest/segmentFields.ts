import type { UsageContext } from '@sonde/core'
import { pathPattern } from './pathPattern'

/** The usage context a response is most often segmented by, copied into indexed-ready columns. */
export interface SegmentFields {
  locale: string | null
  device: string | null
  path: string | null
  appVersion: string | null
  plan: string | null
  known: boolean | null
}

/**
 * Longest segment value kept, in characters. The daily rollups are keyed by it, and a btree key
 * holds at most 2,704 bytes: one longer value failed every fold, for every project. The full
 * text stays in the context.
 */
export const MAX_SEGMENT_LENGTH = 256

/** Reads the segmentation fields out of an event's context; absent ones are `null`. */
export function segmentFields(context: UsageContext | undefined): SegmentFields {
  const plan = context?.user?.traits?.plan
  return {
    locale: capped(context?.locale),
    device: context?.device ?? null,
    path: capped(pageOf(context?.page?.path ?? pathOf(context?.page?.url))),
    appVersion: capped(context?.app?.version),
    plan: capped(['string', 'number', 'boolean'].includes(typeof plan) ? String(plan) : null),
    known: context?.user?.known ?? null,
  }
}

const pageOf = (path: string | null) => (path === null ? null : pathPattern(path))

function pathOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).pathname
  } catch {
    return null
  }
}

// Cut by code points: half a surrogate pair is text PostgreSQL refuses.
function capped(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null
  return text.length <= MAX_SEGMENT_LENGTH ? text : [...text].slice(0, MAX_SEGMENT_LENGTH).join('')
}
