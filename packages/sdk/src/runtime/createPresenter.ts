import type { Logger } from './createLogger'

/** What is on screen: a survey prompt or a tour, as the UI module returned it. */
export interface Shown {
  close(reason?: string): void
  /** Tours advance on tracked events. */
  signal?(name: string): void
  /** The route changed; what no longer belongs on the new page closes itself. */
  route?(url: string): void
}

/**
 * Puts something on screen; calls `release` once it has left (answered, dismissed, failed).
 * Rejects, or resolves to null, when it could not be shown.
 */
export type Mount = (release: () => void) => Promise<Shown | null>

export interface Presenter {
  /** Shows `mount` after `delaySeconds` unless something else is pending or on screen. */
  request(mount: Mount, delaySeconds: number): boolean
  /** Drops what is still waiting out its delay (the route changed). */
  cancelPending(): void
  busy(): boolean
  /** What is on screen now, if anything. */
  current(): Shown | null
  close(): void
}

/**
 * One prompt or tour at a time, in this tab and across tabs: what is on screen holds a Web Lock
 * for as long as it stays, and a tab that cannot take the lock right away skips its turn.
 */
export function createPresenter(deps: { lockName: string; win: Window; log: Logger }): Presenter {
  let pending: ReturnType<typeof setTimeout> | undefined
  let onScreen: Shown | null = null
  let reserved = false

  const display = async (mount: Mount, done: () => void) => {
    let released = false
    const release = () => {
      if (released) return
      released = true
      onScreen = null
      reserved = false
      done()
    }
    try {
      onScreen = await mount(release)
      if (!onScreen) release()
    } catch (error) {
      // The UI chunk failed to load (offline, blocked): proceed with less, never with an error.
      deps.log.error('could not show', error)
      release()
    }
  }

  const acquire = (mount: Mount) => {
    const locks = deps.win.navigator.locks
    if (!locks?.request) return void display(mount, () => {})
    void locks
      .request(deps.lockName, { ifAvailable: true }, (lock) => {
        if (!lock) {
          deps.log.debug('another tab has a prompt on screen; skipping')
          reserved = false
          return
        }
        return new Promise<void>((resolve) => void display(mount, resolve))
      })
      .catch(() => {
        reserved = false
      })
  }

  return {
    request(mount, delaySeconds) {
      if (reserved) return false
      reserved = true
      pending = setTimeout(() => {
        pending = undefined
        acquire(mount)
      }, delaySeconds * 1000)
      return true
    },
    cancelPending() {
      if (pending === undefined) return
      clearTimeout(pending)
      pending = undefined
      reserved = false
    },
    busy: () => reserved,
    current: () => onScreen,
    close() {
      if (pending !== undefined) clearTimeout(pending)
      pending = undefined
      onScreen?.close()
      onScreen = null
    },
  }
}
