/** Each non-blank text inside `el` with the `lang` a screen reader would speak it in. */
export function spokenLangs(el: Element): [text: string, lang: string | undefined][] {
  const spoken: [string, string | undefined][] = []
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent?.trim()
    const lang = walker.currentNode.parentElement?.closest('[lang]')?.getAttribute('lang')
    if (text) spoken.push([text, lang ?? undefined])
  }
  return spoken
}
