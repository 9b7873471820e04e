/**
 * A stand-in visual viewport for a test: desktop Chromium opens no on-screen keyboard, so this
 * reports one the way mobile browsers do, the visual viewport shrinking from the bottom and
 * firing `resize`. `open(px)` covers that much of the window's bottom, `open(0)` closes it;
 * `restore()` puts the real visualViewport back.
 */
export function onScreenKeyboard(covered = 0) {
  const real = Object.getOwnPropertyDescriptor(window, 'visualViewport')
  const viewport = Object.assign(new EventTarget(), {
    height: innerHeight - covered,
    offsetTop: 0,
  })
  Object.defineProperty(window, 'visualViewport', { configurable: true, value: viewport })
  return {
    open(px: number) {
      viewport.height = innerHeight - px
      viewport.dispatchEvent(new Event('resize'))
    },
    restore() {
      if (real) Object.defineProperty(window, 'visualViewport', real)
    },
  }
}
