import { sampleBucket } from './sampleBucket'

/**
 * Whether a person is in a survey's sample of `rate` (0–1). Monotonic: raising the rate only adds
 * people, so a survey widened from 0.1 to 0.2 keeps everyone it already had.
 */
export function inSample(rate: number, id: string, surveyId: string): boolean {
  if (!(rate > 0)) return false
  return rate >= 1 || sampleBucket(id, surveyId) < rate
}
