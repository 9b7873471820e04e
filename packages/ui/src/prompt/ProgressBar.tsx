import type { QuestionContext } from '../questions/types'
import { fill } from '../strings/fill'

/**
 * "Question 2 of 3" with a bar; the total follows the branch the answers so far lead to. Each
 * question's input group is described by it: read as focus moves there, where a live region
 * would compete with what is read on focus.
 */
export function ProgressBar({ n, total, ctx }: { n: number; total: number; ctx: QuestionContext }) {
  return (
    <div class="pg" lang={ctx.ui}>
      <span class="bar" aria-hidden="true">
        <i style={{ width: `${(100 * n) / total}%` }} />
      </span>
      <span id={ctx.progressId}>{fill(ctx.strings.progress, { n, total })}</span>
    </div>
  )
}
