import { PNG } from 'pngjs'

/** Options for {@link countPixels}. */
export interface CountOptions {
  /** Largest difference on any channel still counted as the colour (antialiasing). */
  tolerance?: number
  /** Only the middle row: how far a bar reaches, free of rounded corners and blended edges. */
  middleRow?: boolean
}

/**
 * How many pixels of a PNG (a screenshot) have the colour `hex`, of how many looked at: the share
 * of a picture a chart's series or a bar actually covers.
 */
export function countPixels(
  png: Buffer,
  hex: string,
  { tolerance = 24, middleRow = false }: CountOptions = {},
): { hits: number; total: number } {
  const { data, width, height } = PNG.sync.read(png)
  const want = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16))
  const first = middleRow ? Math.floor(height / 2) * width : 0
  const end = middleRow ? first + width : width * height
  let hits = 0
  for (let pixel = first; pixel < end; pixel++) {
    const at = pixel * 4
    if (want.every((value, channel) => Math.abs(data[at + channel]! - value) <= tolerance)) hits++
  }
  return { hits, total: end - first }
}
