import { afterEach, describe, expect, it } from 'vitest'
import { init } from '../init'
import { startSonde } from '../start'
import { endpoint, prompt, waitFor } from '../test/pageNetwork'
import { slowChunk } from '../test/slowChunk'
import type { Sonde } from './types'

// A first step that waits for an event the host tracks (advanceOn: { event }): the visitor may
// do it before the step is on screen, while the tour's code downloads or its target is awaited.
const made: Sonde[] = []
afterEach(() => {
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('#late')) el.remove()
})

const tour = (target?: string) => ({
  tours: [
    {
      id: `early-${crypto.randomUUID()}`,
      version: 1,
      locale: 'en',
      steps: [
        { id: 'a', title: 'Open the editor', advanceOn: { event: 'editor_opened' }, target },
        { id: 'b', title: 'Step b' },
      ],
    },
  ],
})
const title = () => prompt()?.querySelector('h2')?.textContent
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('an event that advances the first step, tracked before the step is on screen', () => {
  it('advances it when tracked while the tour code downloads', async () => {
    const { chunks, requested, release } = slowChunk('tour')
    const config = tour()
    const sonde = await startSonde({ endpoint: endpoint(), locale: 'en', config }, chunks)
    made.push(sonde)
    sonde.startTour(config.tours[0]!.id)
    await waitFor(() => requested.mock.calls.length > 0)
    sonde.track('editor_opened')
    release()
    await waitFor(() => title() === 'Step b')
  })

  it('advances it when tracked while its target is awaited', async () => {
    const config = tour('#late')
    const sonde = init({ endpoint: endpoint(), locale: 'en', config })
    made.push(sonde)
    sonde.startTour(config.tours[0]!.id)
    // The tour's host is in the page, its first step waiting for #late.
    await waitFor(() => document.querySelector('sonde-root'))
    await sleep(100)
    sonde.track('editor_opened')
    await sleep(100)
    const late = document.createElement('button')
    late.id = 'late'
    late.textContent = 'Editor'
    document.body.append(late)
    await waitFor(() => title() === 'Step b')
  })

  it('leaves it when the event came before the tour was due', async () => {
    const config = tour()
    const sonde = init({ endpoint: endpoint(), locale: 'en', config })
    made.push(sonde)
    sonde.track('editor_opened')
    sonde.startTour(config.tours[0]!.id)
    expect(await waitFor(title)).toBe('Open the editor')
    await sleep(200)
    expect(title()).toBe('Open the editor')
  })
})
