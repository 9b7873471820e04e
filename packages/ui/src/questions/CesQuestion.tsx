import { ScaleQuestion } from './ScaleQuestion'
import { numberItems, range } from './scaleItems'
import type { QuestionProps } from './types'

// The points of a 1–5 agreement scale among the seven labels of a 1–7 one.
const FIVE = [0, 1, 3, 5, 6]

/** CES: 1–7 (or 1–5) agreement, every point named ("4 – Neither agree nor disagree"). */
export function CesQuestion(p: QuestionProps<'ces'>) {
  const { question: q, ctx } = p
  const scale = q.scale ?? 7
  const agree = ctx.strings.agree
  const word = (v: number) =>
    ctx.say(undefined, agree[scale === 5 ? (FIVE[v - 1] ?? 0) : v - 1] ?? '')
  const low = ctx.say(q.lowLabel, agree[0])
  const high = ctx.say(q.highLabel, agree[6])
  const items = numberItems(range(1, scale), (v) => (v === 1 ? low : v === scale ? high : word(v)))
  return <ScaleQuestion {...p} items={items} ends={[low, high]} />
}
