import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import { Footer } from './Footer'
import { OtherInput } from './OtherInput'
import { describedBy, QuestionTitle } from './QuestionTitle'
import { OTHER, type QuestionProps } from './types'

/** A multiple choice: native checkboxes, answered with the forward button as an array of ids. */
export function MultiChoice(p: QuestionProps<'choice'>) {
  const { question: q, ctx } = p
  const [picked, setPicked] = useState<string[]>([])
  const [other, setOther] = useState('')
  const first = useRef<HTMLInputElement>(null)
  const options = q.options.map((option) => ({
    id: option.id,
    label: ctx.tx(option.label),
    lang: ctx.langOf(option.label),
  }))
  if (q.other) options.push({ id: OTHER, label: ctx.strings.other, lang: ctx.ui })
  // A team's own option may have the id "other": only `other: true` makes it ask for text.
  const withOther = q.other && picked.includes(OTHER)
  const otherText = other.trim()
  // "Other" asks for its text, unless the question is optional.
  const ready = (withOther ? otherText !== '' : picked.length > 0) || q.optional === true

  useLayoutEffect(() => {
    if (p.autoFocus) first.current?.focus()
  }, [])

  function toggle(id: string, on: boolean) {
    // Kept in the options' order, whatever order they were ticked in.
    const next = new Set(on ? [...picked, id] : picked.filter((x) => x !== id))
    setPicked(options.map((o) => o.id).filter((x) => next.has(x)))
  }

  function submit() {
    if (!ready) return
    if (picked.length === 0) p.onSkip()
    else if (withOther && otherText) p.onAnswer(picked, otherText)
    else p.onAnswer(picked)
  }

  return (
    <>
      <QuestionTitle question={q} ctx={ctx} />
      <fieldset class="ch" aria-labelledby={ctx.titleId} aria-describedby={describedBy(q, ctx)}>
        {options.map((option, i) => (
          <label key={option.id} class="o" lang={option.lang}>
            <input
              ref={i === 0 ? first : undefined}
              type="checkbox"
              checked={picked.includes(option.id)}
              onChange={(event) => toggle(option.id, event.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      {withOther && (
        <OtherInput ctx={ctx} value={other} autoFocus onInput={setOther} onSubmit={submit} />
      )}
      <Footer ctx={ctx} disabled={!ready} onClick={submit} />
    </>
  )
}
