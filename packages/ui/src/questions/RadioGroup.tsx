import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'

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
  /** Arrow keys: move focus and selection, never submit. */
  onSelect: (value: V) => void
  /** Click, Enter or Space: choose (and usually advance). */
  onChoose: (value: V) => void
}

/**
 * An APG radio group with a roving tabindex: one Tab stop (the checked radio, else the first),
 * arrows move within it (mirrored in RTL), Home/End jump to the ends.
 */
export function RadioGroup<V extends string | number>(p: Props<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const checked = p.items.findIndex((item) => item.value === p.value)
  const stop = Math.max(checked, 0)

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
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      // A held key repeats: one answer per press, not one per repeat.
      const item = p.items[i]
      if (item && !event.repeat) p.onChoose(item.value)
    } else if (step !== undefined) {
      event.preventDefault()
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
          onClick={(event) => event.detail < 2 && p.onChoose(item.value)}
          onKeyDown={(event) => onKeyDown(event, i)}
        >
          {item.content}
        </button>
      ))}
    </div>
  )
}
