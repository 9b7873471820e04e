import type { Config } from '@sonde/core'

/** The seconds-on-page triggers of `config`, which the page watcher arms timers for. */
export function timeThresholds(config: Config): number[] {
  return [...(config.surveys ?? []), ...(config.tours ?? [])].flatMap((item) =>
    item.trigger && 'timeOnPageSeconds' in item.trigger ? [item.trigger.timeOnPageSeconds] : [],
  )
}
