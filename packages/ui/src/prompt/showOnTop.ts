/**
 * Puts the surface in the top layer, above any host z-index, stacking context, transform or
 * `overflow: hidden`: a modal `<dialog>` with `showModal()`, else a manual popover. Without
 * either API it stays a fixed element with the highest z-index (`data-fallback`). A popover's
 * `source` is its invoker: Tab from there goes into it next, and on from it back after `source`.
 */
export function showOnTop(el: HTMLElement, modal: boolean, source?: HTMLElement): void {
  try {
    if (modal && el instanceof HTMLDialogElement && typeof el.showModal === 'function') {
      el.showModal()
      return
    }
    if (!modal && typeof el.showPopover === 'function') {
      el.showPopover({ source })
      return
    }
  } catch {
    // Not connected or already shown: the fallback below still displays it.
  }
  if (modal) el.setAttribute('open', '')
  el.setAttribute('data-fallback', '')
}
