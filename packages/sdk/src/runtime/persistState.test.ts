import 'fake-indexeddb/auto'
import { createTargetingState, recordEvent, type TargetingState } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { persistState } from './persistState'

let n = 0
const dbName = () => `state-test-${++n}`
const base = createTargetingState({ anonymousId: 'a1', sessionId: 's1', now: 0 })
const track = (state: TargetingState, times: number) => {
  let next = state
  for (let i = 0; i < times; i++) next = recordEvent(next, 'export')
  return next
}

describe('persistState', () => {
  // Two tabs of one visitor are two persistences over one database.
  it('keeps the events each tab counted after both read the same stored state', async () => {
    const name = dbName()
    const seed = persistState(name)
    seed.save(track(base, 1))
    await seed.load()
    const tabs = [persistState(name), persistState(name)]
    const loaded = (await Promise.all(tabs.map((tab) => tab.load()))) as TargetingState[]
    tabs.forEach((tab, i) => {
      const state = loaded[i] as TargetingState
      tab.save(track(state, 1))
      tab.save(track(state, 2))
    })
    await Promise.all(tabs.map((tab) => tab.load()))
    expect((await persistState(name).load())?.eventCounts).toEqual({ export: 5 })
  })

  it('merges what another tab stored since into this tab’s state before a check', async () => {
    const name = dbName()
    const [here, there] = [persistState(name), persistState(name)]
    here.save(base)
    const runtime = { state: (await here.load()) as TargetingState }
    await there.load()
    there.save(track(base, 2))
    runtime.state = track(runtime.state, 1)
    here.save(runtime.state)
    await there.load()
    expect((await here.load(runtime))?.eventCounts).toEqual({ export: 3 })
    expect(runtime.state.eventCounts).toEqual({ export: 3 })
    // Saved again, nothing is counted twice.
    here.save(runtime.state)
    expect((await here.load())?.eventCounts).toEqual({ export: 3 })
  })
  // Saves made while a write waits are written together; one made after a check began is not
  // joined to the write that check waits for, or the check would count its events twice.
  it('counts an event once when it is saved while a check waits for the write before it', async () => {
    const name = dbName()
    const persistence = persistState(name)
    persistence.save(base)
    const runtime = { state: (await persistence.load()) as TargetingState }
    runtime.state = track(runtime.state, 1)
    persistence.save(runtime.state)
    const checked = persistence.load(runtime)
    runtime.state = track(runtime.state, 1)
    persistence.save(runtime.state)
    await checked
    expect(runtime.state.eventCounts).toEqual({ export: 2 })
    persistence.save(runtime.state)
    expect((await persistence.load())?.eventCounts).toEqual({ export: 2 })
  })
})
