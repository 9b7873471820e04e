import { describe, expect, it, vi } from 'vitest'
import { createLogger } from './createLogger'
import { createPresenter, type Mount } from './createPresenter'

// A window whose lock manager is as given: its document is never hidden.
const windowWith = (locks: unknown) =>
  ({ document: { hidden: false }, navigator: { locks } }) as unknown as Window

// A mount that is on screen until `release` is called.
const onScreen = () => {
  const shown = { close: vi.fn() }
  const mount: Mount = async () => shown
  return { mount, shown }
}

describe('createPresenter where Web Locks fail', () => {
  it('shows the prompt without the lock in a sandboxed frame, whose lock manager rejects', async () => {
    // An iframe sandboxed without allow-same-origin: an opaque origin, denied the Locks API.
    const locks = {
      request: () =>
        Promise.reject(new DOMException('Access to the Locks API is denied', 'SecurityError')),
    }
    const presenter = createPresenter({
      lockName: 'screen',
      win: windowWith(locks),
      log: createLogger(false),
    })
    const { mount, shown } = onScreen()
    expect(presenter.request(mount, 0)).toBe(true)
    await vi.waitFor(() => expect(presenter.current()).toBe(shown))
    // Still one at a time in this tab.
    expect(presenter.request(onScreen().mount, 0)).toBe(false)
  })

  it('shows the prompt where there is no lock manager (older Safari) or it throws', async () => {
    const throwing = {
      request: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    }
    for (const locks of [undefined, throwing]) {
      const presenter = createPresenter({
        lockName: 'screen',
        win: windowWith(locks),
        log: createLogger(false),
      })
      const { mount, shown } = onScreen()
      presenter.request(mount, 0)
      await vi.waitFor(() => expect(presenter.current()).toBe(shown))
    }
  })

  it('closed while the lock manager fails: nothing comes on screen afterwards', async () => {
    let fail: ((error: unknown) => void) | undefined
    const locks = { request: () => new Promise((_, reject) => (fail = reject)) }
    const presenter = createPresenter({
      lockName: 'screen',
      win: windowWith(locks),
      log: createLogger(false),
    })
    const mount = vi.fn(onScreen().mount)
    presenter.request(mount, 0)
    await vi.waitFor(() => expect(fail).not.toBe(undefined))
    presenter.close()
    fail?.(new DOMException('denied', 'SecurityError'))
    await new Promise((r) => setTimeout(r, 10))
    expect(mount).not.toHaveBeenCalled()
    expect(presenter.busy()).toBe(false)
  })
})
