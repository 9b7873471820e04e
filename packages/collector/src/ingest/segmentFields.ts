import type { UsageContext } from '@sonde/core'

/** The usage context a response is most often segmented by, copied into indexed-ready columns. */
export interface SegmentFields {
  locale: string | null
  device: string | null
  path: string | null
  appVersion: string | null
  plan: string | null
  known: boolean | null
}

/** Reads the segmentation fields out of an event's context; absent ones are `null`. */
export function segmentFields(context: UsageContext | undefined): SegmentFields {
  const plan = context?.user?.traits?.plan
  return {
    locale: context?.locale ?? null,
    device: context?.device ?? null,
    path: context?.page?.path ?? pathOf(context?.page?.url),
    appVersion: context?.app?.version ?? null,
    plan: ['string', 'number', 'boolean'].includes(typeof plan) ? String(plan) : null,
    known: context?.user?.known ?? null,
  }
}

function pathOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).pathname
  } catch {
    return null
  }
}
