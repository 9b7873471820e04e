import { describe, expect, test } from 'vitest'
import { closeAll, show } from './test/show'
import { type Shown, type SurveyState, surveyStates } from './test/surveyStates'
import {
  audit,
  combos,
  dirs,
  hostPage,
  matrix,
  setOs,
  settled,
  setWidth,
  sweepLifecycle,
  themes,
  until,
  widths,
} from './test/sweep'

sweepLifecycle('survey', closeAll)

/**
 * Audits the state on screen in every theme × direction × width. The same mount is re-rendered
 * through `update()` (answers, selection and typed text are kept), so each state is driven once.
 */
async function sweep(shown: Shown, state: SurveyState): Promise<string[]> {
  const found: string[] = []
  const surface = () => shown.shadow.querySelector<HTMLElement>('.s')
  for (const width of widths) {
    await setWidth(width)
    for (const d of dirs) {
      for (const t of themes) {
        await setOs(t.os)
        shown.handle.update({ locale: d.locale, theme: t.theme })
        const scheme = t.theme?.colorScheme ?? 'auto'
        const label = `${state.name} · ${t.name} · ${d.dir} · ${width}px`
        await until(() => surface()?.dir === d.dir && surface()?.dataset.scheme === scheme, label)
        await settled(shown.shadow)
        state.check(shown, d.strings, d.locale)
        found.push(...(await audit(label)))
      }
    }
  }
  return found
}

describe(`axe-core over every prompt state: ${matrix(surveyStates.length)}`, () => {
  test.each(surveyStates.map((state) => [state.name, state] as const))(
    `%s (${combos} combinations)`,
    async (_, state) => {
      const shown = show(state.survey, {
        theme: { colorScheme: 'light' },
        ...(state.position && { position: state.position }),
      })
      hostPage()
      await shown.handle.ready
      await settled(shown.shadow)
      await state.drive?.(shown)
      expect(await sweep(shown, state)).toEqual([])
    },
  )
})
