import { describe, expect, it } from 'vitest'
import { compileItem } from './compileItem'
import type { Targetable } from './types'

describe('compileItem', () => {
  it('reads priority, delay and history key, with defaults', () => {
    const item: Targetable = {
      id: 'nps',
      priority: 4,
      trigger: { exitIntent: true, delaySeconds: 5 },
    }
    expect(compileItem('survey', item)).toMatchObject({
      kind: 'survey',
      id: 'nps',
      key: 'survey:nps',
      priority: 4,
      delaySeconds: 5,
    })
    expect(compileItem('tour', { id: 't' })).toMatchObject({
      key: 'tour:t',
      priority: 0,
      delaySeconds: 0,
    })
  })

  it('compiles a definition once per kind', () => {
    const item: Targetable = { id: 'x' }
    expect(compileItem('survey', item)).toBe(compileItem('survey', item))
    expect(compileItem('tour', item).kind).toBe('tour')
  })
})
