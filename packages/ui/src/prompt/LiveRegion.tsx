import { useEffect, useState } from 'preact/hooks'
import type { Said } from '../questions/types'

/**
 * A polite status region, present empty first and filled a moment later: screen readers only
 * announce changes to a region they already know about. In a hidden tab (a prompt whose code came
 * after the visitor left) it waits until the tab is seen: a screen reader reads only the tab in
 * view, so a region filled meanwhile would never be heard. Each part of the message carries its
 * own `lang`: "Опрос:" and an English question it falls back to need two voices. `already`: the
 * message was announced (the region is drawn anew after the page took it out): it comes filled,
 * which screen readers do not read out.
 */
export function LiveRegion(p: { message: Said[]; lang?: string | undefined; already?: boolean }) {
  const { message, lang } = p
  const [said, setSaid] = useState<Said[]>(p.already ? message : [])
  const key = JSON.stringify(message)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const seen = () => {
      // `=== true`: a visitor's <img name="hidden"> names itself on the document.
      if (document.hidden === true || timer) return
      timer = setTimeout(() => setSaid(message), 150)
    }
    seen()
    document.addEventListener('visibilitychange', seen)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', seen)
    }
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
