import pixelmatch from 'pixelmatch'

/**
 * How many pixels differ between two screenshots of the prompt's surface, as a person would see
 * them: pixelmatch's perceptual threshold and anti-aliasing detection. The surface's rim — its
 * outer pixel and its rounded corners — is not compared: there the surface is partly transparent
 * (a fractional position, an antialiased curve) and shows whatever the host page paints beneath,
 * which is the point of a test that changes the host page. Screenshots of different sizes differ
 * in every pixel.
 */
export function differingPixels(a: ImageData, b: ImageData, cornerRadius: number): number {
  const { width, height } = a
  if (b.width !== width || b.height !== height) return Math.max(a.data.length, b.data.length) / 4
  const rim = new Uint8Array(width * height)
  const r = Math.ceil(cornerRadius)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const edge = x === 0 || y === 0 || x === width - 1 || y === height - 1
      const corner = (x < r || x >= width - r) && (y < r || y >= height - r)
      if (edge || corner) rim[y * width + x] = 1
    }
  }
  return pixelmatch(a.data, b.data, null, width, height, { threshold: 0.1, ignoreMask: rim })
}
