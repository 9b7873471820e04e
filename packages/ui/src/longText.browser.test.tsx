import { afterEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { single } from './test/surveys'

afterEach(async () => {
  closeAll()
  await page.viewport(1024, 768)
})

/** The box of each line a text element wraps to. */
function lines(el: Element): DOMRect[] {
  const range = document.createRange()
  range.selectNodeContents(el)
  return [...range.getClientRects()]
}

// The words under a scale's two ends wrap on a phone in a long language (German's own NPS words,
// 'Überhaupt nicht wahrscheinlich' and 'Äußerst wahrscheinlich', at 320 px): the high end's must
// still stand under the scale's last point, not start under its middle, where they would read as
// labelling a 6 or a 7.
test.each([
  ['a German NPS', 'de', { type: 'nps' }],
  ['a German CES', 'de', { type: 'ces' }],
  [
    'an Arabic NPS',
    'ar',
    {
      type: 'nps',
      lowLabel: 'غير محتمل على الإطلاق في أي حال من الأحوال',
      highLabel: 'محتمل جداً وبكل تأكيد في كل الأحوال',
    },
  ],
  // A survey written in English only, shown to an Arabic visitor: its words, left to right in a
  // right-to-left prompt, still stand under their own ends (the high end is on the left).
  [
    'an English-only NPS shown in Arabic',
    'ar',
    {
      type: 'nps',
      text: { en: 'How likely are you to recommend us?' },
      lowLabel: { en: 'Not at all likely, not in any case whatsoever' },
      highLabel: { en: 'Extremely likely, in every single case' },
    },
  ],
  [
    'an Arabic-only NPS shown in English',
    'en',
    {
      type: 'nps',
      text: 'ما مدى احتمال أن توصي بنا؟',
      lowLabel: 'غير محتمل على الإطلاق في أي حال من الأحوال',
      highLabel: 'محتمل جداً وبكل تأكيد في كل الأحوال',
    },
    { locale: 'ar' },
  ],
] as const)(
  'on a 320 px phone, %s keeps each end’s words under its own end',
  async (_, locale, question, extra?: Record<string, unknown>) => {
    await page.viewport(320, 640)
    const { handle, shadow } = show(single(question, extra), { locale })
    await handle.ready
    const points = [...shadow.querySelectorAll('[role=radio]')].map((p) =>
      p.getBoundingClientRect(),
    )
    const [low, high] = [...shadow.querySelectorAll('.ends>span')].map(lines)
    const rtl = locale === 'ar'
    const first = points[0] as DOMRect
    const last = points.at(-1) as DOMRect
    expect((high ?? []).length).toBeGreaterThan(1) // the case: they wrap
    const start = (r: DOMRect) => Math.round(rtl ? r.right : r.left)
    const end = (r: DOMRect) => Math.round(rtl ? r.left : r.right)
    expect((low ?? []).map(start)).toEqual((low ?? []).map(() => start(first)))
    expect((high ?? []).map(end)).toEqual((high ?? []).map(() => end(last)))
  },
)
