/**
 * The body as text, or why it could not be read: larger than the limit, or cut off; with the
 * bytes read either way.
 */
export type LimitedText =
  | { ok: true; text: string; bytes: number }
  | { ok: false; cutOff: boolean; bytes: number }

/**
 * Reads a request body as UTF-8, giving up as soon as it passes `maxBytes`: a declared
 * Content-Length over the limit is refused before reading, and a body that lies about its length
 * (or streams without one) is cut off mid-stream, so a 10 MB post costs at most `maxBytes`.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<LimitedText> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes)
    return { ok: false, cutOff: false, bytes: 0 }
  if (!request.body) return { ok: true, text: '', bytes: 0 }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    // The client went away mid-upload (a tab closed, a phone out of coverage): its problem, not
    // the server's, and it hears no reply.
    const read = await reader.read().catch(() => null)
    if (!read) return { ok: false, cutOff: true, bytes: size }
    const { done, value } = read
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return { ok: false, cutOff: false, bytes: size }
    }
    chunks.push(value)
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)), bytes: size }
}
