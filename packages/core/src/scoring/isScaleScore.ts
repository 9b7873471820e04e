import { isScale } from './isScale'

/** Whether `score` is a valid answer on a 1…scale rating: an integer from 1 to `scale`. */
export function isScaleScore(score: unknown, scale: number): score is number {
  return (
    isScale(scale) &&
    typeof score === 'number' &&
    Number.isInteger(score) &&
    score >= 1 &&
    score <= scale
  )
}
