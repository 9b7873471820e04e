import type { Strings } from './types'

export const en: Strings = {
  next: 'Next',
  submit: 'Submit',
  close: 'Close',
  skip: 'Skip',
  thanks: 'Thank you!',
  thanksBody: 'Your feedback helps us improve.',
  announce: 'Survey: {q}',
  progress: 'Question {n} of {total}',
  remaining: 'Characters left: {n}',
  other: 'Other',
  otherLabel: 'Please specify',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  agree: [
    'Strongly disagree',
    'Disagree',
    'Somewhat disagree',
    'Neither agree nor disagree',
    'Somewhat agree',
    'Agree',
    'Strongly agree',
  ],
  satisfied: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  stars: { one: '{n} star', other: '{n} stars' },
}
