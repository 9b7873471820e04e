// Browser-test helpers: build host layouts with style objects, read boxes, wait for placement.

/** An element with inline styles (a style object, as the host app's own code would set). */
export function el(
  tag: string,
  style: Partial<CSSStyleDeclaration> = {},
  parent: Element = document.body,
  id?: string,
): HTMLElement {
  const node = document.createElement(tag)
  Object.assign(node.style, style)
  if (id) {
    node.id = id
    node.textContent = id
  }
  parent.append(node)
  return node
}

export function box(node: Element) {
  const r = node.getBoundingClientRect()
  return { top: r.top, right: r.right, bottom: r.bottom, left: r.left, width: r.width }
}

/** Resolves once `check` holds, polling every animation frame (up to `ms`). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = performance.now() + ms
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${check.toString()}`)
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
}

/** Whether `a` is within 1.5 px of `b` (sub-pixel rounding of positions). */
export function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1.5
}

/** Whether the spotlight's dimmed area covers a point on screen (in the overlay's own units). */
export function dimmed(path: SVGPathElement, x: number, y: number): boolean {
  const point = new DOMPoint(x, y).matrixTransform(path.getScreenCTM()?.inverse())
  return path.isPointInFill(point)
}
