let canvas: CanvasRenderingContext2D | null | undefined

/**
 * A CSS colour (a name, `rgb()`, `hsl()`…) as `#rrggbb`, the way the browser reads it: a canvas
 * serialises an opaque colour so. `null` without a canvas, and for what it cannot take (a `var()`,
 * a typo: tried on two starting colours, it leaves either as it was) or a translucent colour.
 */
export function toHex(color: string): string | null {
  try {
    canvas ??= document.createElement('canvas').getContext('2d')
    const context = canvas
    if (!context) return null
    const read = (start: string) => {
      context.fillStyle = start
      context.fillStyle = color
      return String(context.fillStyle)
    }
    const hex = read('#000')
    return hex === read('#fff') && /^#[0-9a-f]{6}$/.test(hex) ? hex : null
  } catch {
    return null
  }
}
