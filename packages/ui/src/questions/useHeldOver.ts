import { useRef } from 'preact/hooks'

/**
 * Whether a key event in a field repeats a key held down since before the field took focus: the
 * Enter or digit that answered the question before, pressed a little long, is not typing here.
 */
export function useHeldOver(): (event: KeyboardEvent) => boolean {
  const pressed = useRef(false)
  return (event) => {
    if (!event.repeat) pressed.current = true
    return !pressed.current
  }
}
