import type { ComponentChildren } from 'preact'
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks'
import { typedPoint } from './typedPoint'

export interface RadioItem<V extends string | number> {
  value: V
  /** Accessible name when it differs from the visible content (e.g. "4 stars" for ★). */
  label?: string
  /** When the name is in another language than the surface's. */
  lang?: string | undefined
  content: ComponentChildren
  class?: string
}

interface Props<V extends string | number> {
  items: RadioItem<V>[]
  value: V | undefined
  labelledBy: string
  describedBy?: string | undefined
  dir: 'ltr' | 'rtl'
  class: string
  /** Class of each radio: `r` for scale points, `o` for choice options. */
  itemClass: string
  autoFocus: boolean
  /** Scale points: typing a point's number chooses it (see `typedPoint`). */
  digits?: boolean
  /** Arrow keys: move focus and selection, never submit. */
  onSelect: (value: V) => void
  /** Click, Enter, Space or a typed number: choose (and usually advance). */
  onChoose: (value: V) => void
}

// How long a typed "1" on 0–10 waits for the "0" of 10 before it answers 1.
const MORE_MS = 1000

/**
 * An APG radio group with a roving tabindex: one Tab stop (the checked radio, else the first),
 * arrows move within it (mirrored in RTL), Home/End jump to the ends. On a scale, a typed number
 * checks its point at once and answers it, after a moment when a further digit could still follow.
 */
export function RadioGroup<V extends string | number>(p: Props<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const checked = p.items.findIndex((item) => item.value === p.value)
  const stop = Math.max(checked, 0)
  // The digits typed so far, and the answer they wait to give.
  const typed = useRef('')
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined)
  const cancel = () => {
    clearTimeout(pending.current)
    typed.current = ''
  }
  useEffect(() => cancel, [])

  // A layout effect, not an effect: a later focus() would pull focus back after a quick Tab. On a
  // modal's first render it runs before showModal(), which then focuses this same Tab stop itself.
  useLayoutEffect(() => {
    if (p.autoFocus) refs.current[stop]?.focus()
  }, [])

  function onKeyDown(event: KeyboardEvent, i: number) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const n = p.items.length
    const back = p.dir === 'rtl' ? 1 : -1
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowLeft: back,
      ArrowRight: -back,
      Home: -i,
      End: n - 1 - i,
    }
    const step = steps[event.key]
    // Arabic and Persian keyboards type their own digits (٩, ۹ for 9), in blocks that start where
    // a code point's last hex digit is 0. French, Czech or Thai ones type a letter with the key
    // labelled 9 unshifted (ç, í, ต): its place on the number row says the digit pressed.
    const key = event.key.replace(/^[٠-٩۰-۹]$/, (d) => String(d.charCodeAt(0) % 16))
    const row = event.shiftKey ? undefined : /^Digit(\d)$/.exec(event.code)?.[1]
    const digit = /^\d$/.test(key) ? key : (row ?? key)
    if (p.digits && /^\d$/.test(digit)) {
      // Shift is how AZERTY keyboards type digits.
      event.preventDefault()
      if (event.repeat) return
      const pick = typedPoint(
        typed.current + digit,
        p.items.map((item) => item.value),
      )
      cancel()
      const item = pick && p.items[pick.index]
      if (!pick || !item) return
      p.onSelect(item.value)
      refs.current[pick.index]?.focus()
      if (!pick.more) return p.onChoose(item.value)
      typed.current = pick.typed
      pending.current = setTimeout(() => {
        typed.current = ''
        p.onChoose(item.value)
      }, MORE_MS)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      cancel()
      // A held key repeats: one answer per press, not one per repeat.
      const item = p.items[i]
      if (item && !event.repeat) p.onChoose(item.value)
    } else if (step !== undefined) {
      event.preventDefault()
      cancel()
      const j = (((i + step) % n) + n) % n
      const item = p.items[j]
      if (!item) return
      p.onSelect(item.value)
      refs.current[j]?.focus()
    }
  }

  return (
    <div
      role="radiogroup"
      class={p.class}
      aria-labelledby={p.labelledBy}
      aria-describedby={p.describedBy}
    >
      {p.items.map((item, i) => (
        // A native radio fires `click` when arrows check it: that click would answer and advance.
        // biome-ignore lint/a11y/useSemanticElements: arrows must select without submitting
        <button
          key={item.value}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="radio"
          class={item.class ? `${p.itemClass} ${item.class}` : p.itemClass}
          aria-checked={i === checked}
          aria-label={item.label}
          lang={item.lang}
          tabIndex={i === stop ? 0 : -1}
          // A double-click's second click lands on the next question, already under the pointer.
          onClick={(event) => {
            cancel()
            if (event.detail < 2) p.onChoose(item.value)
          }}
          onKeyDown={(event) => onKeyDown(event, i)}
          // Focus gone elsewhere (Tab, a click, another window): a typed "1" stays checked but
          // answers only when chosen, so the prompt does not move on behind the respondent's back.
          // A digit moves focus before its wait starts, so its own move cancels nothing.
          onBlur={cancel}
        >
          {item.content}
        </button>
      ))}
    </div>
  )
}
