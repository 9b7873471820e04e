/** The body as text, or `null` when it is larger than the limit. */
export type LimitedText = { ok: true; text: string } | { ok: false }

/**
 * Reads a request body as UTF-8, giving up as soon as it passes `maxBytes`: a declared
 * Content-Length over the limit is refused before reading, and a body that lies about its length
 * (or streams without one) is cut off mid-stream, so a 10 MB post costs at most `maxBytes`.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<LimitedText> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return { ok: false }
    }
    chunks.push(value)
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) }
}
