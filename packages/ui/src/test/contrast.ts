// Test helper: WCAG contrast of two computed colours, as Chromium serialises them
// (`rgb(…)`, `rgba(…)`, or `color(srgb …)` for color-mix results).
function channels(color: string): [number, number, number] {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(color)
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])]
  const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(color)
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255]
  throw new Error(`cannot read colour ${color}`)
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  ) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
