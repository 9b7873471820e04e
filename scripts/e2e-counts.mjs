// Prints "<passed> <failed>" from a Playwright JSON report; skipped and flaky tests count as
// failed, since a test that did not pass cleanly proves nothing.
import { readFileSync } from 'node:fs'

const { stats } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
console.log(stats.expected, stats.unexpected + stats.skipped + stats.flaky)
