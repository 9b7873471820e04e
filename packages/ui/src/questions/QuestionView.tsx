import { CesQuestion } from './CesQuestion'
import { MultiChoice } from './MultiChoice'
import { NpsQuestion } from './NpsQuestion'
import { RatingQuestion } from './RatingQuestion'
import { SingleChoice } from './SingleChoice'
import { TextQuestion } from './TextQuestion'
import type { QuestionProps } from './types'

/** Renders a question with the view for its type. */
export function QuestionView(p: QuestionProps) {
  const { question } = p
  switch (question.type) {
    case 'nps':
      return <NpsQuestion {...p} question={question} />
    case 'rating':
      return <RatingQuestion {...p} question={question} />
    case 'ces':
      return <CesQuestion {...p} question={question} />
    case 'text':
      return <TextQuestion {...p} question={question} />
    case 'choice':
      return question.multiple ? (
        <MultiChoice {...p} question={question} />
      ) : (
        <SingleChoice {...p} question={question} />
      )
  }
}
