import type { Question } from '@sonde/core'
import type { QuestionContext } from './types'

/** The question as a heading (it names the dialog), with its optional description. */
export function QuestionTitle({ question, ctx }: { question: Question; ctx: QuestionContext }) {
  return (
    <>
      <h2 class="q" id={ctx.titleId} lang={ctx.langOf(question.text)}>
        {ctx.tx(question.text)}
      </h2>
      {question.description && (
        <p class="d" id={`${ctx.titleId}d`} lang={ctx.langOf(question.description)}>
          {ctx.tx(question.description)}
        </p>
      )}
    </>
  )
}

/** The ids that describe the question's input: its description, the progress, then `more`. */
export function describedBy(
  question: Question,
  ctx: QuestionContext,
  more?: string,
): string | undefined {
  const ids = [question.description && `${ctx.titleId}d`, ctx.progressId, more]
  return ids.filter(Boolean).join(' ') || undefined
}
