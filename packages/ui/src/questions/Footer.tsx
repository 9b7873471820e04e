import type { QuestionContext } from './types'

/** The forward button row: Next, or Submit on the last question; Skip for optional scales. */
export function Footer({
  ctx,
  disabled,
  skip,
  onClick,
}: {
  ctx: QuestionContext
  disabled?: boolean
  skip?: boolean
  onClick: () => void
}) {
  const s = ctx.strings
  return (
    <div class="ft" lang={ctx.ui}>
      {/* A double-click's second click would land on the next question's button. */}
      <button
        type="button"
        class={skip ? 'b alt' : 'b'}
        disabled={disabled}
        onClick={(event) => event.detail < 2 && onClick()}
      >
        {skip ? s.skip : ctx.isLast ? s.submit : s.next}
      </button>
    </div>
  )
}
