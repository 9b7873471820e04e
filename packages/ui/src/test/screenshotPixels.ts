import { page } from 'vitest/browser'

/** An element's screenshot as RGBA pixels, as Chromium paints it on screen. */
export async function screenshotPixels(element: Element): Promise<ImageData> {
  const base64 = await page.screenshot({ element, save: false, base64: true })
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2d context')
  context.drawImage(bitmap, 0, 0)
  return context.getImageData(0, 0, bitmap.width, bitmap.height)
}
