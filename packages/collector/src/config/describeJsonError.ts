/**
 * A JSON.parse error as a person editing the file can act on: Node 20 says only "at position
 * 4712", which in a config of a few hundred lines means counting characters, so the line and
 * column are added (Node 22 and later say them already).
 */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const position = /at position (\d+)/.exec(message)?.[1]
  if (position === undefined || /\(line \d+/.test(message)) return message
  const before = text.slice(0, Number(position)).split('\n')
  return `${message} (line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1})`
}
