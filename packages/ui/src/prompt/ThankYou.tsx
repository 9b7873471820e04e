import { useLayoutEffect, useRef } from 'preact/hooks'

/** The closing screen; it takes focus when the answer that led here came from inside. */
export function ThankYou({
  titleId,
  title,
  body,
  autoFocus,
}: {
  titleId: string
  title: string
  body: string | undefined
  autoFocus: boolean
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [])
  return (
    <>
      <h2 ref={ref} class="q ty" id={titleId} tabIndex={-1}>
        {title}
      </h2>
      {body && <p class="d">{body}</p>}
    </>
  )
}
