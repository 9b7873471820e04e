import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import { composing } from '../prompt/composing'
import { fill } from '../strings/fill'
import { Footer } from './Footer'
import { describedBy, QuestionTitle } from './QuestionTitle'
import type { QuestionProps } from './types'
import { useHeldOver } from './useHeldOver'

/** An open question: a text area with a length counter; Ctrl/⌘+Enter submits. */
export function TextQuestion(p: QuestionProps<'text'>) {
  const { question: q, ctx } = p
  const max = q.maxLength ?? 1000
  const [text, setText] = useState('')
  const ref = useRef<HTMLTextAreaElement>(null)
  const heldOver = useHeldOver()
  const value = text.trim()
  const ready = value !== '' || q.optional === true
  const counterId = `${ctx.titleId}c`

  useLayoutEffect(() => {
    if (p.autoFocus) ref.current?.focus()
  }, [])

  function submit() {
    if (value) p.onAnswer(value)
    else if (q.optional) p.onSkip()
  }

  return (
    <>
      <QuestionTitle question={q} ctx={ctx} />
      <div>
        <textarea
          ref={ref}
          class="in"
          aria-labelledby={ctx.titleId}
          aria-describedby={describedBy(q, ctx, counterId)}
          aria-required={q.optional ? undefined : true}
          maxLength={max}
          placeholder={q.placeholder ? ctx.tx(q.placeholder) : undefined}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (heldOver(event)) return event.preventDefault()
            // A held key's repeats land in the next question's field, and would skip it.
            const submits = event.key === 'Enter' && (event.ctrlKey || event.metaKey)
            if (submits && !event.repeat && !composing(event)) {
              event.preventDefault()
              submit()
            }
          }}
        />
        <div class="cnt" aria-hidden="true">
          {text.length}/{max}
        </div>
        <span class="vh" id={counterId} lang={ctx.ui}>
          {fill(ctx.strings.remaining, { n: max - text.length })}
        </span>
      </div>
      <Footer ctx={ctx} disabled={!ready} onClick={submit} />
    </>
  )
}
