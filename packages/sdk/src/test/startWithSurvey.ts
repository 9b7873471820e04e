import { type Mock, vi } from 'vitest'
import { init } from '../init'
import type { Sonde } from '../runtime/types'

/** A Sonde of its own endpoint whose config holds `survey` alone, and a listener of its showings. */
export function startWithSurvey(survey: object): { sonde: Sonde; shown: Mock } {
  const sonde = init({
    endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
    locale: 'en',
    config: { surveys: [survey] },
  } as Parameters<typeof init>[0])
  const shown = vi.fn()
  sonde.on('survey:shown', shown)
  return { sonde, shown }
}
