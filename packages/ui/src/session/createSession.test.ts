import { afterEach, describe, expect, test, vi } from 'vitest'
import { nps, single } from '../test/surveys'
import { createSession } from './createSession'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createSession', () => {
  test('starts at the first question with seq 0 and predicts the path', () => {
    const session = createSession(nps, {})
    expect([session.current, session.seq]).toEqual(['score', 0])
    expect(session.progress()).toEqual({ n: 1, total: 2 })
  })

  test('ignores answers to a question that is not on screen, and anything after done', () => {
    const onAnswer = vi.fn()
    const session = createSession(nps, { onAnswer })
    session.answer('love', 'x')
    expect(onAnswer).not.toHaveBeenCalled()
    session.dismiss('close')
    session.answer('score', 3)
    expect(onAnswer).not.toHaveBeenCalled()
  })

  test('dismisses at most once, and never after completion', () => {
    const onDismiss = vi.fn()
    const a = createSession(nps, { onDismiss })
    a.dismiss('escape')
    a.dismiss('api')
    expect(onDismiss).toHaveBeenCalledTimes(1)
    const b = createSession(single({ type: 'nps' }), { onDismiss })
    b.answer('q', 10)
    b.dismiss('api')
    expect(onDismiss).toHaveBeenCalledTimes(1)
  })

  test('skipping the last question completes without an answer event', () => {
    const onAnswer = vi.fn()
    const onComplete = vi.fn()
    const session = createSession(
      nps,
      { onAnswer, onComplete },
      {
        answers: [{ questionId: 'score', value: 8 }],
        seq: 1,
      },
    )
    expect(session.current).toBe('love')
    session.skip('love')
    expect(onAnswer).not.toHaveBeenCalled()
    expect(onComplete).toHaveBeenCalledWith({
      answers: [{ questionId: 'score', value: 8 }],
      seq: 1,
    })
    expect(session.current).toBe('end')
  })

  test('a callback that throws is reported, and the session goes on', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const session = createSession(nps, {
      onAnswer: () => {
        throw new Error('host bug')
      },
    })
    session.answer('score', 1)
    expect(session.current).toBe('improve')
    expect(error).toHaveBeenCalledWith('[sonde]', expect.any(Error))
  })

  test('re-answering is not possible: answers are cumulative and seq only grows', () => {
    const events: number[] = []
    const session = createSession(
      nps,
      { onAnswer: (e) => events.push(e.seq) },
      {
        answers: [],
        seq: 7,
      },
    )
    session.answer('score', 9)
    session.answer('love', 'Speed')
    expect(events).toEqual([8, 9])
    expect(session.answers).toHaveLength(2)
  })
})
