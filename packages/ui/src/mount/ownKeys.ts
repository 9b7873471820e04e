/**
 * Keys typed in Sonde's shadow `root` are its own. The page's shortcuts see them come from the
 * host, not from a text field, so an "s" typed in an answer would jump to the page's search
 * (Mousetrap, hotkeys-js…), and an Esc or an Enter would also close the page's drawer, or the
 * page's own modal a tour step shows from. Tab goes on: focus leaves for the page.
 */
export function ownKeys(root: ShadowRoot): void {
  for (const type of ['keydown', 'keypress', 'keyup'])
    root.addEventListener(type, (event) => {
      if ((event as KeyboardEvent).key !== 'Tab') event.stopPropagation()
    })
}
