import { useLayoutEffect, useRef } from 'preact/hooks'
import type { Said } from '../questions/types'

/** The closing screen; it takes focus when the answer that led here came from inside. */
export function ThankYou({
  titleId,
  title,
  body,
  autoFocus,
}: {
  titleId: string
  /** With its `lang`: the body, when shown, is the UI strings' too. */
  title: Said
  body: string | undefined
  autoFocus: boolean
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [])
  return (
    <>
      <h2 ref={ref} class="q ty" id={titleId} tabIndex={-1} lang={title[1]}>
        {title[0]}
      </h2>
      {body && (
        <p class="d" lang={title[1]}>
          {body}
        </p>
      )}
    </>
  )
}
