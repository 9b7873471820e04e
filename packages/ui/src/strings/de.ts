import type { Strings } from './types'

export const strings: Strings = {
  next: 'Weiter',
  submit: 'Senden',
  close: 'Schließen',
  skip: 'Überspringen',
  thanks: 'Vielen Dank!',
  thanksBody: 'Ihr Feedback hilft uns, besser zu werden.',
  announce: 'Umfrage: {q}',
  progress: 'Frage {n} von {total}',
  remaining: 'Verbleibende Zeichen: {n}',
  other: 'Sonstiges',
  otherLabel: 'Bitte angeben',
  npsLow: 'Überhaupt nicht wahrscheinlich',
  npsHigh: 'Äußerst wahrscheinlich',
  agree: [
    'Stimme überhaupt nicht zu',
    'Stimme nicht zu',
    'Stimme eher nicht zu',
    'Weder noch',
    'Stimme eher zu',
    'Stimme zu',
    'Stimme voll und ganz zu',
  ],
  satisfied: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
  stars: { one: '{n} Stern', other: '{n} Sterne' },
}
