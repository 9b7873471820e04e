/** A size-limit entry as bench/size.ts reads it: bytes measured and bytes allowed. */
export interface MeasuredSize {
  name: string
  size: number
  sizeLimit: number
}

/** The README's label for each size-limit entry (the first words of its row). */
export const README_LABELS: Record<string, string> = {
  'stub snippet': 'the inline stub',
  'before anything is due': 'before anything is due',
  'before due, new options': "the same on a site's first page",
  'survey shown (en)': 'a survey on screen',
  'tour shown (en)': 'a tour on screen',
  everything: 'everything',
}

// A published figure may lag the build by this much before it counts as wrong: small changes
// need no README edit, a real one does.
const SLACK = 0.02

/**
 * What is wrong with the "## Size" table of `readme` against the build: a row missing, a budget
 * that is not size-limit's, or a "now" figure more than 2% (and 0.05 KB) off the measured size.
 * Empty when the published table tells the truth.
 */
export function checkReadmeSizes(readme: string, measured: readonly MeasuredSize[]): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Size\n')) ?? ''
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
  const problems: string[] = []
  for (const entry of measured) {
    const label = README_LABELS[entry.name]
    if (label === undefined) {
      problems.push(`no README label for the size-limit entry "${entry.name}"`)
      continue
    }
    const row = rows.find((cells) => cells[1]?.startsWith(label))
    if (!row) {
      problems.push(`README's Size table has no row for "${label}"`)
      continue
    }
    const now = Number(row[2])
    const budget = Number(row[3])
    const kb = entry.size / 1000
    if (budget !== entry.sizeLimit / 1000)
      problems.push(
        `README gives "${label}" a budget of ${row[3]} KB, size-limit ${entry.sizeLimit / 1000}`,
      )
    if (!Number.isFinite(now) || Math.abs(now - kb) > Math.max(0.05, kb * SLACK))
      problems.push(
        `README says ${row[2]} KB for "${label}", the build measures ${kb.toFixed(2)} KB`,
      )
  }
  return problems
}
