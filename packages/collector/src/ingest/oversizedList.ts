import type { ParseError } from '@sonde/core'
import { MAX_ANSWERS } from './checkEvent'

// Core's choice question has at most 50 options, and "other" besides: a multiple choice picks
// no more.
const maxChoices = 51
// A session keeps 200 event names, and the SDK sends the 100 counted most.
const maxSessionEvents = 200

/**
 * The first list of a raw event longer than the SDK ever sends, or `null`; a session's event
 * names past what a session keeps are taken out of `raw` instead. Looked at before the
 * schema, which makes an issue of each bad item: an answer whose value was a megabyte of numbers
 * held the server's one thread for seconds, before its key and rate limit were looked at, and
 * was refused with a reason of tens of megabytes.
 */
export function oversizedList(raw: unknown): ParseError | null {
  const event = raw as { answers?: unknown; context?: { session?: { events?: unknown } } } | null
  const answers = event?.answers
  if (Array.isArray(answers)) {
    if (answers.length > MAX_ANSWERS) {
      return { path: 'answers', message: `at most ${MAX_ANSWERS}, the most questions a survey has` }
    }
    for (const [i, answer] of answers.entries()) {
      const value = (answer as { value?: unknown } | null)?.value
      if (Array.isArray(value) && value.length > maxChoices) {
        return {
          path: `answers[${i}].value`,
          message: `at most ${maxChoices} choices, the 50 options and other a question can have`,
        }
      }
    }
  }
  const session = event?.context?.session
  const events = session?.events
  // SDK builds from before the 100-name cap sent every event name of a long session. The names
  // are usage data and the answers what the team asked for: the names are left out, the event
  // is kept (refused whole, its answers were lost).
  if (
    typeof events === 'object' &&
    events !== null &&
    Object.keys(events).length > maxSessionEvents
  )
    delete (session as { events?: unknown }).events
  return null
}
