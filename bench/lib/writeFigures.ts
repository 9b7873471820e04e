// Where each bench leaves its figures for bench/report.ts, which turns them into
// docs/benchmarks.md: node_modules/.cache/sonde-bench/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One measured figure, with its budget and verdict when it has one. */
export interface Figure {
  name: string
  value: number | string
  unit?: string
  budget?: number | string
  passed?: boolean
}

/** Writes `<name>.json` with the time of measurement, and returns its path. */
export function writeFigures(name: string, figures: Figure[], notes: string[] = []): string {
  const dir = fileURLToPath(new URL('../../node_modules/.cache/sonde-bench/', import.meta.url))
  mkdirSync(dir, { recursive: true })
  const path = `${dir}${name}.json`
  const data = { measuredAt: new Date().toISOString(), figures, notes }
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`)
  return path
}
