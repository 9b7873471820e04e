// Sonde beside one peer, figure by figure, for the comparison benches: a printed table with the
// ratio peer ÷ Sonde, the same figures for bench/report.ts, and plainly where Sonde loses.
// Every figure here is "lower is better" (times, counts).
import type { Figure } from './writeFigures'

export interface Row<R> {
  label: string
  /** '' for counts. */
  unit: 'ms' | ''
  value: (results: R) => number
}

export interface Side<R> {
  name: string
  results: R
}

const figure = (n: number, unit: string) => `${n.toFixed(unit ? 2 : 0)}${unit ? ` ${unit}` : ''}`

export function compare<R>(rows: Row<R>[], sonde: Side<R>, peer: Side<R>) {
  const lines = [
    `  ${''.padEnd(40)} ${sonde.name.padStart(16)} ${peer.name.padStart(20)}  peer ÷ Sonde`,
  ]
  const figures: Figure[] = []
  const losses: string[] = []
  for (const row of rows) {
    const label = row.label.trim()
    const ours = row.value(sonde.results)
    const theirs = row.value(peer.results)
    // Counts are shown side by side: a ratio to zero means nothing.
    const ratio = row.unit === '' ? null : theirs / ours
    const ratioText =
      ratio === null ? (ours === theirs ? '—' : `${theirs} vs ${ours}`) : `${ratio.toFixed(2)}×`
    if (theirs < ours) {
      losses.push(
        `${label}: Sonde ${figure(ours, row.unit)}, ${peer.name} ${figure(theirs, row.unit)}`,
      )
    }
    lines.push(
      `  ${row.label.padEnd(40)} ${figure(ours, row.unit).padStart(16)} ` +
        `${figure(theirs, row.unit).padStart(20)}  ${ratioText}`,
    )
    const unit = row.unit || undefined
    figures.push({ name: `${label} — ${sonde.name}`, value: Number(ours.toFixed(2)), unit })
    figures.push({ name: `${label} — ${peer.name}`, value: Number(theirs.toFixed(2)), unit })
    if (ratio !== null)
      figures.push({ name: `${label} — peer ÷ Sonde`, value: `${ratio.toFixed(2)}×` })
  }
  lines.push(
    losses.length === 0
      ? `Sonde is ahead of ${peer.name} on every figure.`
      : `Sonde loses to ${peer.name} on: ${losses.join('; ')}`,
  )
  return { lines, figures }
}
