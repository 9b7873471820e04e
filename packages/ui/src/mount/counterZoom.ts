/**
 * The `zoom` for a host's mount element that undoes the page's CSS `zoom` where `host` sits (a
 * density setting on `<html>`, an embedded dashboard scaled down), so Sonde's UI renders at its
 * own size: `''` when the page is not zoomed. A zoomed tooltip or overlay would be drawn in
 * zoomed pixels at positions measured in viewport pixels (floating-ui, the spotlight hole),
 * landing off its target; and scaled down, text and hit targets would shrink below a readable
 * size and 24 px. The browser's own zoom and text size still apply, as to any page.
 */
export function counterZoom(host: Element): string {
  // The host itself has no box (display: contents), and an element without one reports 1.
  // Chromium 128+, Firefox 126+, Safari 18.2+; elsewhere the zoom is not measured and left alone.
  const zoom = host.parentElement?.currentCSSZoom || 1
  // Rounded as the style serialises it, so comparing with the one set finds no change.
  return zoom === 1 ? '' : String(Math.round(10_000 / zoom) / 10_000)
}
