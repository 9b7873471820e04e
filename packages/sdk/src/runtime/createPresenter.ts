import type { Logger } from './createLogger'
import { isHidden } from './isHidden'

/** What is on screen: a survey prompt or a tour, as the UI module returned it. */
export interface Shown {
  close(reason?: 'api'): void
  /** Tours advance on tracked events. */
  signal?(name: string): void
  /** The route changed; what no longer belongs on the new page closes itself. */
  route?(url: string): void
}

/** What the presenter tells a mount in progress. */
export interface MountLife {
  /** False once the presenter was closed (destroy): a mount still loading gives up. */
  active(): boolean
  /**
   * The UI is in the page, though not yet `ready` (its strings loading, a tour waiting for its
   * first target): `close` takes it away if the presenter is closed before the mount resolves.
   */
  mounted(close: () => void): void
}

/**
 * Puts something on screen; calls `release` once it has left (answered, dismissed, failed).
 * Rejects, or resolves to null, when it could not be shown.
 */
export type Mount = (release: () => void, life: MountLife) => Promise<Shown | null | undefined>

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
 * (`lockName`, one for the origin: every Sonde there shares it) for as long as it stays, and a
 * Sonde that cannot take the lock right away skips its turn.
 */
export function createPresenter(deps: { lockName: string; win: Window; log: Logger }): Presenter {
  let pending: ReturnType<typeof setTimeout> | undefined
  let onScreen: Shown | null = null
  let reserved = false
  // Bumped by close(): a request from before it (its lock still being granted, its UI chunk
  // still loading) must not put anything on screen afterwards, nor keep the lock.
  let epoch = 0
  // Takes away what a mount in progress already put in the page.
  let unmount: (() => void) | null = null

  const display = async (mount: Mount, done: () => void) => {
    const mine = epoch
    const active = () => epoch === mine
    const mounted = (close: () => void) => {
      if (active()) unmount = close
      else close()
    }
    let released = false
    const release = () => {
      if (released) return
      released = true
      if (active()) {
        onScreen = null
        reserved = false
      }
      done()
    }
    try {
      const shown = await mount(release, { active, mounted })
      if (active()) unmount = null
      if (!shown) return release()
      // It has already left (a tour whose target never came): nothing is on screen.
      if (released) return
      if (!active()) {
        shown.close('api')
        return release()
      }
      onScreen = shown
    } catch (error) {
      if (active()) unmount = null
      // The UI chunk failed to load (offline, blocked): proceed with less, never with an error.
      deps.log.error('could not show', error)
      release()
    }
  }

  const acquire = (mount: Mount): void => {
    // Due in a tab in the background, it waits for the tab to be seen: shown to nobody, it would
    // count as seen (its cooldown begun) with no one to answer it. Hidden tabs' timers are
    // throttled, so the wait costs nothing there.
    if (isHidden(deps.win)) {
      pending = setTimeout(acquire, 500, mount)
      return
    }
    pending = undefined
    const mine = epoch
    // Shown in this tab alone where there is no lock to take, or the lock manager fails (an
    // iframe sandboxed without allow-same-origin is denied it): else nothing would ever show.
    const alone = () => void (epoch === mine && display(mount, () => {}))
    try {
      void deps.win.navigator.locks
        .request(deps.lockName, { ifAvailable: true }, (lock) => {
          if (epoch !== mine) return
          if (!lock) {
            deps.log.debug('another tab shows a prompt')
            reserved = false
            return
          }
          return new Promise<void>((resolve) => void display(mount, resolve))
        })
        .catch(alone)
    } catch {
      alone()
    }
  }

  return {
    request(mount, delaySeconds) {
      if (reserved) return false
      reserved = true
      pending = setTimeout(acquire, delaySeconds * 1000, mount)
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
      epoch++
      clearTimeout(pending)
      pending = undefined
      const shown = onScreen
      const mounting = unmount
      onScreen = null
      unmount = null
      reserved = false
      shown?.close()
      mounting?.()
    },
  }
}
