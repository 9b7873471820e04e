import { type Tour, tourSchema } from '@sonde/core'
import { within } from '@testing-library/preact'
import { mountTour } from '../mountTour'
import type {
  TourCompleteEvent,
  TourDismissEvent,
  TourHandle,
  TourOptions,
  TourShowEvent,
  TourStepEvent,
} from '../types'

const open: TourHandle[] = []

// Checked against the real schema, so a fixture can never drift from what authors may write.
export function tour(input: Record<string, unknown>): Tour {
  return tourSchema.parse({ id: 'welcome', version: 1, locale: 'en', ...input })
}

/** Mounts a tour for a test, recording every callback; `closeTours` cleans up after each test. */
export function showTour(input: Tour, options: TourOptions = {}) {
  const shown: TourShowEvent[] = []
  const stepped: TourStepEvent[] = []
  const completed: TourCompleteEvent[] = []
  const dismissed: TourDismissEvent[] = []
  let closed = 0
  const handle = mountTour(input, {
    locale: 'en',
    onShow: (event) => shown.push(event),
    onStep: (event) => stepped.push(event),
    onComplete: (event) => completed.push(event),
    onDismiss: (event) => dismissed.push(event),
    onClose: () => {
      closed += 1
    },
    ...options,
  })
  open.push(handle)
  const shadow = handle.host.shadowRoot
  if (!shadow) throw new Error('expected an open shadow root')
  // Testing Library queries any node with querySelectorAll, a shadow root included.
  const ui = within(shadow as unknown as HTMLElement)
  const tip = () => shadow.querySelector<HTMLElement>('.t')
  return { handle, shadow, ui, tip, shown, stepped, completed, dismissed, closed: () => closed }
}

export function closeTours(): void {
  for (const handle of open.splice(0)) handle.close()
  document.body.replaceChildren()
}

/**
 * Gives an element a layout box where the DOM emulation has none (happy-dom lays nothing out),
 * so the tooltip's hide-when-clipped logic sees a visible target.
 */
export function withBox(el: HTMLElement, x = 100, y = 100): HTMLElement {
  const box = () => new DOMRect(x, y, 80, 30)
  el.getBoundingClientRect = box
  el.getClientRects = () => [box()] as unknown as DOMRectList
  return el
}

/** Adds an element to the page, as the host app would. */
export function addTarget(
  id: string,
  parent: Element = document.body,
  tag = 'button',
): HTMLElement {
  const el = document.createElement(tag)
  el.id = id
  el.textContent = id
  parent.append(el)
  return el
}
