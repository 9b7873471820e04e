import type { Strings } from './types'

export const strings: Strings = {
  next: 'Suivant',
  submit: 'Envoyer',
  close: 'Fermer',
  skip: 'Passer',
  thanks: 'Merci !',
  thanksBody: 'Votre avis nous aide à nous améliorer.',
  announce: 'Sondage : {q}',
  progress: 'Question {n} sur {total}',
  remaining: 'Caractères restants : {n}',
  other: 'Autre',
  otherLabel: 'Précisez',
  npsLow: 'Pas du tout probable',
  npsHigh: 'Très probable',
  agree: [
    'Pas du tout d’accord',
    'Pas d’accord',
    'Plutôt pas d’accord',
    'Ni d’accord ni pas d’accord',
    'Plutôt d’accord',
    'D’accord',
    'Tout à fait d’accord',
  ],
  satisfied: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'],
  stars: { one: '{n} étoile', other: '{n} étoiles' },
}
