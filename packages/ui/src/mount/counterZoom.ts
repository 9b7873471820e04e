/**
 * Undoes the page's CSS `zoom` (a density setting on `<html>`, an embedded dashboard scaled
 * down) inside `mount`, so Sonde's UI renders at its own size. A zoomed tooltip or overlay would
 * be drawn in zoomed pixels at positions measured in viewport pixels (floating-ui, the spotlight
 * hole), landing off its target; and scaled down, text and hit targets would shrink below a
 * readable size and 24 px. The browser's own zoom and text size still apply, as to any page.
 * A tour calls it again when its host moves, as the zoom there may differ.
 */
export function counterZoom(host: Element, mount: HTMLElement): void {
  // Chromium 128+, Firefox 126+, Safari 18.2+; elsewhere zoom is not measured and left alone.
  const zoom = host.parentElement?.currentCSSZoom || 1
  mount.style.zoom = zoom === 1 ? '' : String(1 / zoom)
}
