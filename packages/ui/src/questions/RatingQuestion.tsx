import { plural } from '../strings/fill'
import type { RadioItem } from './RadioGroup'
import { ScaleQuestion } from './ScaleQuestion'
import { numberItems, range } from './scaleItems'
import type { QuestionContext, QuestionProps, Said } from './types'

// Ten faces from angry to delighted; a shorter scale takes evenly spaced ones.
const FACES = ['😡', '😠', '😞', '🙁', '😕', '😐', '🙂', '😊', '😀', '😍']
const FIVE_FACES = ['😠', '🙁', '😐', '🙂', '😍']

// Words for each point of a 3- or 5-point satisfaction scale; longer scales only name the ends.
function satisfaction(v: number, scale: number, ctx: QuestionContext): Said | undefined {
  const i = scale === 5 ? v - 1 : scale === 3 ? v : v === 1 ? 0 : v === scale ? 4 : -1
  const word = ctx.strings.satisfied[i]
  return word ? [word, ctx.ui] : undefined
}

function face(v: number, scale: number): string {
  if (scale === 5) return FIVE_FACES[v - 1] ?? ''
  return FACES[Math.round(((v - 1) * 9) / (scale - 1))] ?? ''
}

/** CSAT-style rating on 3, 5, 7 or 10 points, shown as numbers, stars or emoji. */
export function RatingQuestion(p: QuestionProps<'rating'>) {
  const { question: q, ctx } = p
  const { scale } = q
  const low = q.lowLabel ? ctx.say(q.lowLabel, '') : undefined
  const high = q.highLabel ? ctx.say(q.highLabel, '') : undefined
  const words = (v: number) =>
    (v === 1 && low) || (v === scale && high) || satisfaction(v, scale, ctx)
  const values = range(1, scale)
  if (q.style === 'stars') {
    // The words under the ends are hidden from assistive tech, which hears them in the names.
    const items: RadioItem<number>[] = values.map((value) => {
      const stars = plural(ctx.strings.stars, value, ctx.strings.lang)
      const [word, lang] = (value === 1 && low) || (value === scale && high) || []
      // A name is spoken in one language: an end's words in another than the strings' go with
      // its number alone ("1 – Poor", not "1 звезда – Poor" read by an English voice).
      return {
        value,
        label: word ? `${lang === ctx.ui ? stars : value} – ${word}` : stars,
        lang: word ? lang : ctx.ui,
        content: <span aria-hidden="true">★</span>,
      }
    })
    return (
      <ScaleQuestion
        {...p}
        items={items}
        variant="st"
        ends={low && high ? [low, high] : undefined}
      />
    )
  }
  if (q.style === 'emoji') {
    const items = numberItems(values, words).map((item) => ({
      ...item,
      label: item.label ?? String(item.value),
      content: <span aria-hidden="true">{face(item.value, scale)}</span>,
    }))
    return <ScaleQuestion {...p} items={items} variant="em" />
  }
  const ends: [Said, Said] = [words(1) ?? [''], words(scale) ?? ['']]
  return <ScaleQuestion {...p} items={numberItems(values, words)} ends={ends} />
}
