import { useEffect, useState } from 'preact/hooks'

/**
 * A polite status region, present empty first and filled a moment later: screen readers only
 * announce changes to a region they already know about.
 */
export function LiveRegion({ message, lang }: { message: string; lang?: string | undefined }) {
  const [text, setText] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setText(message), 150)
    return () => clearTimeout(timer)
  }, [message])
  return (
    <div class="vh" role="status" lang={lang}>
      {text}
    </div>
  )
}
