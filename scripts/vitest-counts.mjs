// Prints "<passed> <failed>" from a Vitest JSON report; skipped and todo tests count as failed,
// since a test that does not run proves nothing.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const notRun = report.numPendingTests + report.numTodoTests
console.log(report.numPassedTests, report.numFailedTests + notRun)
