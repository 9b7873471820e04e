import { waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { addTarget, closeTours, showTour, tour, withBox } from './test/showTour'

afterEach(() => {
  closeTours()
  vi.unstubAllGlobals()
})
beforeAll(() => {
  for (const [name, value] of [
    ['clientWidth', 1024],
    ['clientHeight', 768],
  ] as const) {
    Object.defineProperty(document.documentElement, name, { value, configurable: true })
  }
})

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function twoSteps(missingTarget?: Record<string, unknown>) {
  return tour({
    missingTarget,
    steps: [
      { id: 'late', target: '#late', title: 'Late one' },
      { id: 'there', target: '#there', title: 'Always there' },
    ],
  })
}

describe('missing targets', () => {
  test('wait: a target that appears later is shown; the tour waits meanwhile', async () => {
    const { ui, handle, dismissed } = showTour(twoSteps({ policy: 'wait', timeoutMs: 1000 }))
    await later(50)
    expect(ui.queryByRole('dialog')).toBeNull()
    withBox(addTarget('late'))
    await handle.ready
    expect(ui.getByRole('dialog', { name: 'Late one' })).toBeTruthy()
    expect(dismissed).toEqual([])
  })

  test('wait: past the timeout the tour ends with reason missing_target', async () => {
    const { handle, dismissed, closed } = showTour(twoSteps({ policy: 'wait', timeoutMs: 30 }))
    await handle.ready
    expect(dismissed).toEqual([{ stepId: 'late', index: 0, reason: 'missing_target' }])
    expect(closed()).toBe(1)
  })

  test('skip: the step is passed over and the next one shown', async () => {
    withBox(addTarget('there'))
    const { ui, handle, shown } = showTour(twoSteps({ policy: 'skip' }))
    await handle.ready
    expect(ui.getByRole('dialog', { name: 'Always there' })).toBeTruthy()
    expect(shown).toEqual([{ stepId: 'there', index: 1 }])
  })

  test('skip: nothing left to show ends with missing_target, not a completion', async () => {
    const { handle, dismissed, completed } = showTour(twoSteps({ policy: 'skip' }))
    await handle.ready
    expect(completed).toEqual([])
    expect(dismissed).toEqual([{ stepId: 'there', index: 1, reason: 'missing_target' }])
  })

  test('abort: the tour ends at once with missing_target', async () => {
    withBox(addTarget('there'))
    const { handle, dismissed } = showTour(twoSteps({ policy: 'abort' }))
    await handle.ready
    expect(dismissed).toEqual([{ stepId: 'late', index: 0, reason: 'missing_target' }])
  })
})

describe('following the target', () => {
  test('a re-rendered target (a new node) is re-attached without a pause', async () => {
    const old = withBox(addTarget('late'))
    const { ui, handle, shown, dismissed } = showTour(twoSteps())
    await handle.ready
    const dialog = ui.getByRole('dialog')
    old.replaceWith(withBox(addTarget('late', document.createElement('div'))))
    await later(10)
    expect(ui.getByRole('dialog')).toBe(dialog)
    expect(shown).toHaveLength(1)
    expect(dismissed).toEqual([])
  })

  test('a removed target pauses the step; it resumes when the target returns', async () => {
    const target = withBox(addTarget('late'))
    const { ui, handle, dismissed } = showTour(twoSteps({ policy: 'wait', timeoutMs: 20 }))
    await handle.ready
    target.remove()
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull())
    // No timeout once the target was found: a route change away and back resumes the tour.
    await later(60)
    expect(dismissed).toEqual([])
    document.body.append(target)
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Late one' })).toBeTruthy())
  })

  test('a function target from the JS API wins over the selector', async () => {
    const special = withBox(addTarget('special'))
    const resolveTarget = vi.fn((step: { id: string }) =>
      step.id === 'late' ? special : undefined,
    )
    const { ui, handle } = showTour(twoSteps(), { resolveTarget })
    await handle.ready
    expect(ui.getByRole('dialog', { name: 'Late one' }).getAttribute('data-pos')).toBe('anchor')
    expect(resolveTarget).toHaveBeenCalled()
  })

  test('pause() hides the tour without ending it; resume() brings it back', async () => {
    withBox(addTarget('late'))
    const { ui, handle, dismissed } = showTour(twoSteps())
    await handle.ready
    handle.pause()
    expect(ui.queryByRole('dialog')).toBeNull()
    handle.resume()
    expect(ui.getByRole('dialog', { name: 'Late one' })).toBeTruthy()
    expect(dismissed).toEqual([])
  })
})

describe('dwell time', () => {
  test('counts only while a step is on screen: paused and waiting time are left out', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setTimeout', 'clearTimeout'] })
    try {
      withBox(addTarget('there'))
      const { handle, stepped, completed } = showTour(twoSteps({ policy: 'wait' }))
      vi.advanceTimersByTime(700) // waiting for #late: not on screen
      withBox(addTarget('late'))
      await Promise.resolve() // the MutationObserver's delivery, a microtask
      expect(handle.host.shadowRoot?.querySelector('.t')).toBeTruthy()
      vi.advanceTimersByTime(1000)
      handle.pause()
      vi.advanceTimersByTime(5000)
      handle.resume()
      vi.advanceTimersByTime(500)
      handle.next()
      vi.advanceTimersByTime(250)
      handle.next()
      expect(stepped.map((s) => [s.stepId, Math.round(s.dwellMs / 10) * 10])).toEqual([
        ['late', 1500],
        ['there', 250],
      ])
      expect(Math.round((completed[0]?.dwellMs ?? 0) / 10) * 10).toBe(1750)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('one shared MutationObserver', () => {
  test('every waiting tour shares one observer of the page, disconnected once nothing waits', async () => {
    const Real = MutationObserver
    // The observers of the page's whole DOM (subtree), where targets come and go; each tour's
    // own, of its host's ancestors (keepInPage), is counted apart.
    type Stats = { observes: number; disconnects: number; connected: boolean }
    const made: Stats[] = []
    const own: Stats[] = []
    vi.stubGlobal(
      'MutationObserver',
      class extends Real {
        stats = { observes: 0, disconnects: 0, connected: false }
        override observe(target: Node, options?: MutationObserverInit) {
          const list = options?.subtree ? made : own
          if (!list.includes(this.stats)) list.push(this.stats)
          this.stats.observes += 1
          this.stats.connected = true
          super.observe(target, options)
        }
        override disconnect() {
          this.stats.disconnects += 1
          this.stats.connected = false
          super.disconnect()
        }
      },
    )
    // Fresh modules, so the observer is made under the stub.
    vi.resetModules()
    const { mountTour } = await import('./mountTour')
    const { onDomChange: watch } = await import('./domWatch')
    const a = mountTour(twoSteps())
    const b = mountTour(twoSteps())
    const seen = vi.fn()
    const stop = watch(seen)
    addTarget('x')
    await later(10)
    expect(seen).toHaveBeenCalled()
    expect(made).toHaveLength(1)
    expect(made[0]?.connected).toBe(true)
    expect(own).toHaveLength(2)
    a.close()
    b.close()
    expect(made[0]?.connected).toBe(true)
    expect(own.some((stats) => stats.connected)).toBe(false)
    stop()
    expect(made[0]?.connected).toBe(false)
    expect(made).toHaveLength(1)
  })
})
