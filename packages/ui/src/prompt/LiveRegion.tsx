import { useEffect, useState } from 'preact/hooks'
import type { Said } from '../questions/types'

/**
 * A polite status region, present empty first and filled a moment later: screen readers only
 * announce changes to a region they already know about. Each part of the message carries its
 * own `lang`: "Опрос:" and an English question it falls back to need two voices.
 */
export function LiveRegion({ message, lang }: { message: Said[]; lang?: string | undefined }) {
  const [said, setSaid] = useState<Said[]>([])
  const key = JSON.stringify(message)
  useEffect(() => {
    const timer = setTimeout(() => setSaid(message), 150)
    return () => clearTimeout(timer)
  }, [key])
  return (
    <div class="vh" role="status" lang={lang}>
      {said.map(([text, partLang], i) => (
        <span key={i} lang={partLang}>
          {text}
        </span>
      ))}
    </div>
  )
}
