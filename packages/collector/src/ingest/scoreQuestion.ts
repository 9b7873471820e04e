import type { MetricKind, Survey } from '@sonde/core'

/** The question whose answer is a survey's score, with the scale it is asked on. */
export interface ScoreQuestion {
  id: string
  kind: MetricKind
  /** Top of the scale for CSAT and CES; NPS is always 0–10. */
  scale?: number
}

/**
 * Finds the scored question of a survey: the first `nps` question of an NPS survey, the first
 * `rating` of a CSAT survey, the first `ces` question of a CES survey. `null` for custom surveys
 * and surveys without such a question.
 */
export function scoreQuestion(survey: Survey): ScoreQuestion | null {
  for (const question of survey.questions) {
    if (survey.kind === 'nps' && question.type === 'nps') return { id: question.id, kind: 'nps' }
    if (survey.kind === 'csat' && question.type === 'rating') {
      return { id: question.id, kind: 'csat', scale: question.scale }
    }
    if (survey.kind === 'ces' && question.type === 'ces') {
      return { id: question.id, kind: 'ces', scale: question.scale ?? 7 }
    }
  }
  return null
}

/**
 * Ids of a survey's questions that are not free text: a string answer to one of them (a choice's
 * option id) is no verbatim. The config holds only the current version, so a question absent
 * from it may be a text question an earlier version asked, whose answers are still verbatims.
 */
export function nonTextQuestionIds(survey: Survey): string[] {
  return survey.questions.flatMap((question) => (question.type === 'text' ? [] : [question.id]))
}
