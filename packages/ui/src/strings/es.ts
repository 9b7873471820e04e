import type { Strings } from './types'

export const strings: Strings = {
  next: 'Siguiente',
  submit: 'Enviar',
  close: 'Cerrar',
  skip: 'Omitir',
  thanks: '¡Gracias!',
  thanksBody: 'Tu opinión nos ayuda a mejorar.',
  announce: 'Encuesta: {q}',
  progress: 'Pregunta {n} de {total}',
  remaining: 'Caracteres restantes: {n}',
  other: 'Otro',
  otherLabel: 'Especifica',
  npsLow: 'Nada probable',
  npsHigh: 'Muy probable',
  agree: [
    'Totalmente en desacuerdo',
    'En desacuerdo',
    'Algo en desacuerdo',
    'Ni de acuerdo ni en desacuerdo',
    'Algo de acuerdo',
    'De acuerdo',
    'Totalmente de acuerdo',
  ],
  satisfied: ['Muy insatisfecho', 'Insatisfecho', 'Neutral', 'Satisfecho', 'Muy satisfecho'],
  stars: { one: '{n} estrella', other: '{n} estrellas' },
}
