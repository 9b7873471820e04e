import { type LocalizedText, resolveLocale, resolveText, type Theme, type Tour } from '@sonde/core'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { otherLang } from '../strings/otherLang'
import type { Strings } from '../strings/types'
import { isRtl } from '../theme/isRtl'
import type { RunState } from './createTourRun'
import { place } from './place'
import { inViewport, toFloating } from './placement'
import { drawSpotlight, holeRadius, Spotlight } from './Spotlight'
import { TourTip } from './TourTip'
import { useNarrow } from './useNarrow'

/** The tour, the run's current state and the actions of its buttons. */
export interface TourViewProps {
  tour: Tour
  state: RunState
  strings: Strings
  locale: string
  theme: Theme | undefined
  /** Prefix of the element ids, unique per mount. */
  ids: string
  onNext: () => void
  onBack: () => void
  onSkip: () => void
  onOverlay: () => void
  /** Fits the mount to the page's zoom (see counterZoom), on each re-position. */
  rezoom?: () => void
}

function within(rect: DOMRect | null, x: number, y: number): boolean {
  return !!rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom
}

/**
 * The current step on screen: its tooltip, anchored to the target (a bottom sheet on narrow
 * screens, centred without a target), and the spotlight overlay when the step asks for one.
 */
export function TourView(p: TourViewProps) {
  const { tour, state, locale } = p
  const { target, visible, index } = state
  const narrow = useNarrow()
  const tip = useRef<HTMLElement>(null)
  const arrow = useRef<HTMLDivElement>(null)
  const drawing = useRef<SVGSVGElement>(null)
  const hole = useRef<DOMRect | null>(null)
  const step = tour.steps[index]
  const rtl = isRtl(locale)
  const clickToAdvance = !!step?.advanceOn?.click && target !== null
  // The target must stay usable when clicking it is the step's action: then no modality.
  const modal = !!step?.spotlight && !clickToAdvance

  // Within the viewport is not enough: a scrolled container may clip the target away, and
  // `nearest` scrolls only what does, leaving a target already in sight where it is. A page's
  // `scroll-behavior: smooth` would glide there, past a preference for reduced motion.
  const reveal = () =>
    target?.scrollIntoView({
      block: inViewport(target) ? 'nearest' : 'center',
      inline: 'nearest',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'auto',
    })

  // Runs after the tooltip's own layout effect has put it in the top layer, so it can measure.
  useLayoutEffect(() => {
    hole.current = null
    if (!visible || !tip.current) return
    if (!target) {
      const redraw = () => drawSpotlight(drawing.current, null)
      redraw()
      window.addEventListener('resize', redraw)
      return () => window.removeEventListener('resize', redraw)
    }
    reveal()
    return place(target, tip.current, {
      placement: toFloating(step?.placement, rtl),
      arrow: arrow.current,
      sheet: narrow,
      keepVisible: modal,
      beforeUpdate: p.rezoom,
      onTarget(rect) {
        hole.current = rect
        drawSpotlight(drawing.current, rect, rect ? holeRadius(target, rect) : undefined)
      },
    })
  }, [visible, target, index, narrow])

  if (!visible || !step) return null
  const tx = (text: LocalizedText) => resolveText(text, locale, tour.locale)
  const other = (lang: string) => otherLang(lang, locale)
  const langOf = (text: LocalizedText) => other(resolveLocale(text, locale, tour.locale))

  // A modal step's backdrop belongs to its <dialog>: a click there targets the dialog itself.
  const onDialogClick = (event: MouseEvent) => {
    const box = tip.current
    if (!box || event.target !== box) return
    const { clientX: x, clientY: y } = event
    if (within(box.getBoundingClientRect(), x, y) || within(hole.current, x, y)) return
    p.onOverlay()
  }

  return (
    <>
      {step.spotlight && <Spotlight svgRef={drawing} onOverlay={p.onOverlay} />}
      <TourTip
        key={index}
        title={tx(step.title)}
        titleLang={langOf(step.title)}
        body={step.body && tx(step.body)}
        bodyLang={step.body && langOf(step.body)}
        index={index}
        total={tour.steps.length}
        back={state.back}
        strings={p.strings}
        uiLang={other(p.strings.lang)}
        locale={locale}
        dir={rtl ? 'rtl' : 'ltr'}
        theme={p.theme}
        ids={`${p.ids}-${index}`}
        pos={target ? (narrow ? 'sheet' : 'anchor') : 'center'}
        modal={modal}
        focus={state.focus}
        again={!!state.again}
        waitsForAction={clickToAdvance || !!step.advanceOn?.event}
        actOn={clickToAdvance && state.focus ? target : null}
        onOpen={reveal}
        tipRef={tip}
        arrowRef={arrow}
        onNext={p.onNext}
        onBack={p.onBack}
        onSkip={p.onSkip}
        onOverlay={onDialogClick}
      />
    </>
  )
}
