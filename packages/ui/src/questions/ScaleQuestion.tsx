import { useState } from 'preact/hooks'
import { Footer } from './Footer'
import { describedBy, QuestionTitle } from './QuestionTitle'
import { RadioGroup, type RadioItem } from './RadioGroup'
import type { QuestionProps, Said } from './types'

interface Props extends QuestionProps<'nps' | 'rating' | 'ces'> {
  items: RadioItem<number>[]
  /** `st` (stars) fills every star up to the chosen one; `em` sizes emoji. */
  variant?: 'st' | 'em'
  /** Words under the two ends of the scale; hidden from assistive tech, which reads the names. */
  ends?: [Said, Said] | undefined
}

/** A scale question: one click, Enter, Space or typed number on a point answers and advances. */
export function ScaleQuestion({ question, ctx, items, variant, ends, ...p }: Props) {
  const [value, setValue] = useState<number>()
  const shown =
    variant === 'st'
      ? items.map((item) => ({
          ...item,
          class: value !== undefined && item.value <= value ? 'on' : '',
        }))
      : items
  return (
    <>
      <QuestionTitle question={question} ctx={ctx} />
      <RadioGroup
        items={shown}
        value={value}
        labelledBy={ctx.titleId}
        describedBy={describedBy(question, ctx)}
        dir={ctx.dir}
        class={variant ? `sc ${variant}` : 'sc'}
        itemClass="r"
        autoFocus={p.autoFocus}
        digits
        onSelect={setValue}
        onChoose={(v) => {
          setValue(v)
          p.onAnswer(v)
        }}
      />
      {ends && (
        <div class="ends" aria-hidden="true">
          <span lang={ends[0][1]}>{ends[0][0]}</span>
          <span lang={ends[1][1]}>{ends[1][0]}</span>
        </div>
      )}
      {question.optional && <Footer ctx={ctx} skip onClick={p.onSkip} />}
    </>
  )
}
