import type { SondeEvent } from '@sonde/core'

type SentContext = { custom?: unknown; user?: { traits?: unknown } } | null | undefined

/**
 * The parsed event with its custom context and traits as sent, when they name a "__proto__"
 * key. The schema's copy of a record leaves that key out (an assignment would take it for the
 * prototype), yet it is data the app sent, kept one level deeper already (see sanitizeJson).
 * Both records take any value, so what was sent is what passed.
 */
export function keepProtoKeys(event: SondeEvent, raw: unknown): SondeEvent {
  const sent = (raw as { context?: SentContext } | null)?.context
  const context = event.context
  if (!context || !sent) return event
  const custom = protoKeyed(sent.custom) ? { custom: sent.custom } : {}
  const traits = protoKeyed(sent.user?.traits) ? sent.user.traits : undefined
  const user = context.user && traits ? { user: { ...context.user, traits } } : {}
  return { ...event, context: { ...context, ...custom, ...user } }
}

function protoKeyed(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')
}
