import type { QuestionContext } from '../questions/types'
import { fill } from '../strings/fill'

/** "Question 2 of 3" with a bar; the total follows the branch the answers so far lead to. */
export function ProgressBar({ n, total, ctx }: { n: number; total: number; ctx: QuestionContext }) {
  return (
    <div class="pg" lang={ctx.ui}>
      <span class="bar" aria-hidden="true">
        <i style={{ width: `${(100 * n) / total}%` }} />
      </span>
      <span>{fill(ctx.strings.progress, { n, total })}</span>
    </div>
  )
}
