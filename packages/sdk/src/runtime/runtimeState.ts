import type { Config, TargetingState } from '@sonde/core'

/**
 * What the parts of a running Sonde share and replace as it runs: each part reads the fields
 * when it needs them, never keeps a copy, so a newer state or config is seen everywhere at once.
 */
export interface RuntimeState {
  state: TargetingState
  cfg: Config
  destroyed: boolean
}
