import type { Theme } from '@sonde/core'
import type { Ref } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { LiveRegion } from '../prompt/LiveRegion'
import { showOnTop } from '../prompt/showOnTop'
import { tabSource } from '../prompt/tabSource'
import { useContainedScroll } from '../prompt/useContainedScroll'
import { useKeyboardInset } from '../prompt/useKeyboardInset'
import { useZoomedOut } from '../prompt/useZoomedOut'
import { fill } from '../strings/fill'
import type { Strings } from '../strings/types'
import { themeStyle } from '../theme/themeStyle'

/** One step's texts, position kind, modality and actions. */
export interface TourTipProps {
  title: string
  body: string | undefined
  /** `lang` of the title and body when shown in a fallback language. */
  titleLang?: string
  bodyLang?: string
  index: number
  total: number
  /** Whether Back is offered. */
  back: boolean
  strings: Strings
  /** `lang` of the strings when they are another language's (English for `pt`). */
  uiLang: string | undefined
  locale: string
  dir: 'ltr' | 'rtl'
  theme: Theme | undefined
  /** Prefix of the element ids, unique per step of each mount. */
  ids: string
  /** `anchor` (floating-ui places it), `center` (no target) or `sheet` (narrow screen). */
  pos: 'anchor' | 'center' | 'sheet'
  modal: boolean
  /** Take focus on opening; a modal step always does. */
  focus: boolean
  /** Drawn anew after the page took it out: its live region comes with its words, not read again. */
  again: boolean
  /** The step advances on a click on its target or an event, so it has no Next button. */
  waitsForAction: boolean
  /** The target to click, of a step waiting for that: given focus in its place (see below). */
  actOn?: Element | null
  /** Just before it opens: a modal step's page is inert after, hiding what covers the target. */
  onOpen?: () => void
  tipRef: Ref<HTMLElement>
  arrowRef: Ref<HTMLDivElement>
  onNext: () => void
  onBack: () => void
  onSkip: () => void
  onOverlay: (event: MouseEvent) => void
}

/**
 * One step's box in the top layer. A modal step is a `<dialog>` opened with `showModal()`: the
 * browser makes the page inert and keeps Tab inside, without touching a host element's
 * attributes (an `inert` or `aria-hidden` on the page would). A plain step is a non-modal
 * `role=dialog` manual popover that leaves focus where it is.
 */
export function TourTip(p: TourTipProps) {
  const { strings } = p
  const box = useRef<HTMLElement | null>(null)
  const primary = useRef<HTMLButtonElement>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const inset = useKeyboardInset(box)
  const zoom = useZoomedOut()
  useContainedScroll(scroller)
  const last = p.index === p.total - 1
  const counter = p.total > 1 ? fill(strings.step, { n: p.index + 1, total: p.total }) : ''

  // Once per opening: never again on a re-position, a re-attach or a re-render.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    p.onOpen?.()
    // Focus was in the tour, and the step asks for a click on its target: the focus goes there,
    // to act on it, rather than to the tooltip at the end of the page's Tab order; a target
    // that takes no focus leaves it to the tooltip.
    const act = p.actOn as HTMLElement | null | undefined
    act?.focus?.({ preventScroll: true })
    const acting = !!act && (act.getRootNode() as Document | ShadowRoot).activeElement === act
    // A plain step leaves focus in the page, but is the next Tab stop from it.
    showOnTop(el, p.modal, tabSource(el))
    if (p.modal || (p.focus && !acting)) (primary.current ?? el).focus({ preventScroll: true })
  }, [])

  const setRef = (el: HTMLElement | null) => {
    box.current = el
    if (typeof p.tipRef === 'function') p.tipRef(el)
    else if (p.tipRef) p.tipRef.current = el
  }
  const style = themeStyle(p.theme)
  if (inset > 0) style['--kb'] = `${inset}px`
  if (zoom > 1) style['--z'] = String(zoom)
  const titleId = `${p.ids}-t`
  const bodyId = `${p.ids}-b`
  const attrs = {
    class: 's t',
    'data-pos': p.pos,
    'data-scheme': p.theme?.colorScheme ?? 'auto',
    'data-z': zoom > 1 ? '' : undefined,
    lang: p.locale,
    dir: p.dir,
    tabIndex: -1,
    'aria-labelledby': titleId,
    'aria-describedby': p.body ? bodyId : undefined,
    style,
  }
  const content = (
    <>
      <div class="c" ref={scroller}>
        {counter && (
          <p class="tc" lang={p.uiLang}>
            {counter}
          </p>
        )}
        <h2 class="q" id={titleId} lang={p.titleLang}>
          {p.title}
        </h2>
        {p.body && (
          <p class="d" id={bodyId} lang={p.bodyLang}>
            {p.body}
          </p>
        )}
        <div class="ft" lang={p.uiLang}>
          {/* The last step's Done ends the tour; one waiting for an action has no Done. */}
          {(!last || p.waitsForAction) && (
            <button type="button" class="b alt sk" onClick={p.onSkip}>
              {strings.skipTour}
            </button>
          )}
          {p.back && (
            <button type="button" class="b alt" onClick={p.onBack}>
              {strings.back}
            </button>
          )}
          {!p.waitsForAction && (
            <button type="button" class="b" ref={primary} onClick={p.onNext}>
              {last ? strings.done : strings.next}
            </button>
          )}
        </div>
        <LiveRegion
          already={p.again}
          message={[
            [counter && `${counter}: `, p.uiLang],
            [p.title, p.titleLang],
          ]}
        />
      </div>
      {p.pos === 'anchor' && <div class="ar" ref={p.arrowRef} aria-hidden="true" />}
    </>
  )
  return p.modal ? (
    // biome-ignore lint/a11y/useKeyWithClickEvents: backdrop clicks; keys have Esc
    <dialog
      {...attrs}
      aria-modal="true"
      ref={setRef}
      // Esc is handled once, by the tour: the browser must not close the dialog behind its back.
      onCancel={(event) => event.preventDefault()}
      onClick={p.onOverlay}
    >
      {content}
    </dialog>
  ) : (
    <div {...attrs} role="dialog" popover="manual" ref={setRef}>
      {content}
    </div>
  )
}
