/**
 * Where focus is when `el` appears, as its popover's invoker: a non-modal surface that leaves
 * focus there is then the next Tab stop from it rather than one after the whole page (its host
 * is last in <body>). Not <body>, nor a surface of this same root (shown again, or a tour's
 * previous step).
 */
export function tabSource(el: HTMLElement | null): HTMLElement | undefined {
  const from = document.activeElement
  return from instanceof HTMLElement && from !== document.body && !from.shadowRoot?.contains(el)
    ? from
    : undefined
}
