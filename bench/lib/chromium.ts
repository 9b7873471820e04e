// The Chromium the browser benches drive: $SONDE_CHROMIUM, else Debian's /usr/bin/chromium
// (browsers cannot be downloaded on the machines CI runs on).
import { existsSync } from 'node:fs'

/** The browser's path; exits with a plain message naming `bench` when there is none. */
export function chromiumPath(bench: string): string {
  const path = process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    console.error(`${bench}: no Chromium at ${path}; set SONDE_CHROMIUM`)
    process.exit(1)
  }
  return path
}
