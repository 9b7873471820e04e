import { fileURLToPath } from 'node:url'
import { nextQuestion } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { configsFromDirectory } from './configStore'

// The demo's project config, as `npm run demo` has the collector serve it.
const demoConfigs = fileURLToPath(new URL('../../../../demo/collector/configs', import.meta.url))

describe('the demo config', () => {
  it('is served whole, and asks what got in the way of an export only when it was not easy', async () => {
    const logs: string[] = []
    const served = await configsFromDirectory(demoConfigs, (line) => logs.push(line)).load(
      'pk_demo',
    )
    expect(logs).toEqual([])
    const ces = served?.config.surveys?.find((survey) => survey.id === 'ces-export')
    if (!ces) throw new Error('no ces-export survey in the demo config')
    // 5–7 agree that it was easy (core's CES `agree`): "What got in the way?" would not fit.
    for (const effort of [5, 6, 7]) expect(nextQuestion(ces, { effort }, 'effort')).toBe('end')
    for (const effort of [1, 2, 3, 4])
      expect(nextQuestion(ces, { effort }, 'effort')).toBe('blocker')
  })
})
