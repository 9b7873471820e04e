import { describe, expect, it, vi } from 'vitest'
import { createEmitter, type Emitter } from './createEmitter'

type Events = { 'survey:shown': { id: string }; 'survey:completed': { id: string } }

describe('createEmitter', () => {
  it('calls every handler of a type, in order, with the payload', () => {
    const emitter = createEmitter<Events>(() => {})
    const calls: string[] = []
    emitter.on('survey:shown', (p) => calls.push(`a:${p.id}`))
    emitter.on('survey:shown', (p) => calls.push(`b:${p.id}`))
    emitter.on('survey:completed', () => calls.push('other'))
    emitter.emit('survey:shown', { id: 'nps' })
    expect(calls).toEqual(['a:nps', 'b:nps'])
  })

  it('isolates a throwing handler and reports it', () => {
    const onError = vi.fn()
    const emitter = createEmitter<Events>(onError)
    const after = vi.fn()
    const boom = new Error('host bug')
    emitter.on('survey:shown', () => {
      throw boom
    })
    emitter.on('survey:shown', after)
    expect(() => emitter.emit('survey:shown', { id: 'x' })).not.toThrow()
    expect(after).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith('survey:shown', boom)
  })

  it('removes handlers with off, with the returned function, and with clear', () => {
    const emitter = createEmitter<Events>(() => {})
    const a = vi.fn()
    const b = vi.fn()
    const c = vi.fn()
    emitter.on('survey:shown', a)
    const stopB = emitter.on('survey:shown', b)
    emitter.on('survey:completed', c)
    emitter.off('survey:shown', a)
    stopB()
    emitter.emit('survey:shown', { id: 'x' })
    emitter.clear()
    emitter.emit('survey:completed', { id: 'x' })
    expect([a, b, c].map((f) => f.mock.calls.length)).toEqual([0, 0, 0])
  })

  it('lets a handler remove itself without skipping the next one', () => {
    const emitter = createEmitter<Events>(() => {})
    const second = vi.fn()
    const stop = emitter.on('survey:shown', () => stop())
    emitter.on('survey:shown', second)
    emitter.emit('survey:shown', { id: 'x' })
    expect(second).toHaveBeenCalledTimes(1)
  })

  // As with addEventListener: once off() or clear() (destroy) returns, the handler is not called,
  // even in the dispatch that is running (a handler unmounting a component that listens too).
  it.each([
    ['off', (e: Emitter<Events>, h: () => void) => e.off('survey:shown', h)],
    ['clear', (e: Emitter<Events>) => e.clear()],
  ])('does not call a handler removed by an earlier one in the same dispatch (%s)', (_, remove) => {
    const emitter = createEmitter<Events>(() => {})
    const later = vi.fn()
    emitter.on('survey:shown', () => remove(emitter, later))
    emitter.on('survey:shown', later)
    emitter.emit('survey:shown', { id: 'x' })
    expect(later).not.toHaveBeenCalled()
  })

  it('calls a handler added during a dispatch from the next one on', () => {
    const emitter = createEmitter<Events>(() => {})
    const added = vi.fn()
    emitter.on('survey:shown', () => emitter.on('survey:shown', added))
    emitter.emit('survey:shown', { id: 'x' })
    expect(added).not.toHaveBeenCalled()
    emitter.emit('survey:shown', { id: 'y' })
    expect(added).toHaveBeenCalledTimes(1)
  })

  it('ignores a handler that is not a function', () => {
    const emitter = createEmitter<Events>(() => {})
    emitter.on('survey:shown', 'nope' as never)
    expect(() => emitter.emit('survey:shown', { id: 'x' })).not.toThrow()
  })
})
