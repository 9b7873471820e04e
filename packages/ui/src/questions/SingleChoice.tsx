import { useState } from 'preact/hooks'
import { Footer } from './Footer'
import { OtherInput } from './OtherInput'
import { describedBy, QuestionTitle } from './QuestionTitle'
import { RadioGroup, type RadioItem } from './RadioGroup'
import { OTHER, type QuestionProps } from './types'

/**
 * A single choice: choosing an option answers and advances, like a scale; choosing "other"
 * reveals its text field and waits for the forward button.
 */
export function SingleChoice(p: QuestionProps<'choice'>) {
  const { question: q, ctx } = p
  const [picked, setPicked] = useState<string>()
  const [other, setOther] = useState('')
  const [chosen, setChosen] = useState(false)
  const items: RadioItem<string>[] = q.options.map((option) => ({
    value: option.id,
    lang: ctx.langOf(option.label),
    content: [<span key="d" class="dot" aria-hidden="true" />, ctx.tx(option.label)],
  }))
  if (q.other) {
    items.push({
      value: OTHER,
      lang: ctx.ui,
      content: [<span key="d" class="dot" aria-hidden="true" />, ctx.strings.other],
    })
  }
  const otherText = other.trim()
  // A team's own option may have the id "other": only `other: true` makes it ask for text.
  const isOther = (value: string | undefined) => q.other && value === OTHER
  const withOther = isOther(picked)
  // "Other" asks for its text, but an optional question never holds anyone back: a chosen radio
  // cannot be unchosen, and another option would answer for them.
  const ready = (withOther ? otherText !== '' : picked !== undefined) || q.optional === true

  function submit() {
    if (!ready) return
    if (withOther) p.onAnswer(OTHER, otherText || undefined)
    else if (picked !== undefined) p.onAnswer(picked)
    else p.onSkip()
  }

  return (
    <>
      <QuestionTitle question={q} ctx={ctx} />
      <RadioGroup
        items={items}
        value={picked}
        labelledBy={ctx.titleId}
        describedBy={describedBy(q, ctx)}
        dir={ctx.dir}
        class="ch"
        itemClass="o"
        autoFocus={p.autoFocus}
        onSelect={(value) => {
          setPicked(value)
          setChosen(false)
        }}
        onChoose={(value) => {
          setPicked(value)
          setChosen(true)
          if (!isOther(value)) p.onAnswer(value)
        }}
      />
      {withOther && (
        <OtherInput
          ctx={ctx}
          value={other}
          autoFocus={chosen}
          onInput={setOther}
          onSubmit={submit}
        />
      )}
      <Footer ctx={ctx} disabled={!ready} onClick={submit} />
    </>
  )
}
