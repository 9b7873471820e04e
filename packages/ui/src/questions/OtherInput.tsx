import { useLayoutEffect, useRef } from 'preact/hooks'
import { composing } from '../prompt/composing'
import type { QuestionContext } from './types'
import { useHeldOver } from './useHeldOver'

/** The free text of the "other" choice; Enter submits. */
export function OtherInput({
  ctx,
  value,
  autoFocus,
  onInput,
  onSubmit,
}: {
  ctx: QuestionContext
  value: string
  /** Take focus on appearing: when "other" was chosen, not merely passed over with arrows. */
  autoFocus: boolean
  onInput: (value: string) => void
  onSubmit: () => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  const heldOver = useHeldOver()
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [autoFocus])
  return (
    <input
      ref={ref}
      class="in"
      type="text"
      maxLength={500}
      aria-label={`${ctx.strings.other}: ${ctx.strings.otherLabel}`}
      placeholder={ctx.strings.otherLabel}
      value={value}
      onInput={(event) => onInput(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (heldOver(event)) return event.preventDefault()
        if (event.key === 'Enter' && !composing(event)) {
          event.preventDefault()
          onSubmit()
        }
      }}
    />
  )
}
