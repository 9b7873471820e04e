import { ScaleQuestion } from './ScaleQuestion'
import { numberItems, range } from './scaleItems'
import type { QuestionProps } from './types'

/** NPS: 0–10, the two ends labelled ("Not at all likely" … "Extremely likely"). */
export function NpsQuestion(p: QuestionProps<'nps'>) {
  const { question: q, ctx } = p
  const low = ctx.say(q.lowLabel, ctx.strings.npsLow)
  const high = ctx.say(q.highLabel, ctx.strings.npsHigh)
  const items = numberItems(range(0, 10), (v) => (v === 0 ? low : v === 10 ? high : undefined))
  return <ScaleQuestion {...p} items={items} ends={[low, high]} />
}
