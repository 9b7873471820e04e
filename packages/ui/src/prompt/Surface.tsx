import type { Position, Theme } from '@sonde/core'
import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { themeStyle } from '../theme/themeStyle'
import { composing } from './composing'
import { showOnTop } from './showOnTop'
import { tabSource } from './tabSource'
import { useContainedScroll } from './useContainedScroll'
import { useKeyboardInset } from './useKeyboardInset'
import { useZoomedOut } from './useZoomedOut'

interface Props {
  position: Position
  theme: Theme | undefined
  locale: string
  dir: 'ltr' | 'rtl'
  labelledBy: string
  /** Changes when the page took the surface out and it came back: shown on top again. */
  returns: number
  onEscape: () => void
  children: ComponentChildren
}

/**
 * The prompt's box in the top layer. At `center` it is a modal `<dialog>` (page inert, focus
 * moved in); elsewhere a non-modal `role=dialog` popover that leaves focus where it is.
 */
export function Surface(p: Props) {
  const ref = useRef<HTMLElement | null>(null)
  const setRef = (el: HTMLElement | null) => {
    ref.current = el
  }
  const modal = p.position === 'center'
  const inset = useKeyboardInset(ref)
  const zoom = useZoomedOut()
  useContainedScroll(ref)

  useLayoutEffect(() => {
    const el = ref.current
    // Removed, a modal <dialog> keeps its `open` but not its modality: showModal() would throw.
    el?.removeAttribute('open')
    // A corner prompt leaves focus in the page, but is the next Tab stop from it.
    if (el) showOnTop(el, modal, tabSource(el))
  }, [p.returns])

  const style = themeStyle(p.theme)
  if (inset > 0) style['--kb'] = `${inset}px`
  if (zoom > 1) style['--z'] = String(zoom)
  const attrs = {
    class: 's',
    'data-pos': p.position,
    'data-scheme': p.theme?.colorScheme ?? 'auto',
    'data-z': zoom > 1 ? '' : undefined,
    lang: p.locale,
    dir: p.dir,
    'aria-labelledby': p.labelledBy,
    style,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || composing(event)) return
      event.preventDefault()
      p.onEscape()
    },
  }
  return modal ? (
    <dialog
      {...attrs}
      ref={setRef}
      onCancel={(event) => {
        // Esc on a modal: the prompt decides (it may not be dismissible), not the browser.
        event.preventDefault()
        p.onEscape()
      }}
    >
      {p.children}
    </dialog>
  ) : (
    <div {...attrs} ref={setRef} role="dialog" popover="manual">
      {p.children}
    </div>
  )
}
