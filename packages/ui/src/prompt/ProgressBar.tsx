import { fill } from '../strings/fill'
import type { Strings } from '../strings/types'

/** "Question 2 of 3" with a bar; the total follows the branch the answers so far lead to. */
export function ProgressBar({ n, total, strings }: { n: number; total: number; strings: Strings }) {
  return (
    <div class="pg">
      <span class="bar" aria-hidden="true">
        <i style={{ width: `${(100 * n) / total}%` }} />
      </span>
      <span>{fill(strings.progress, { n, total })}</span>
    </div>
  )
}
