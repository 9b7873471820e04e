export { likelyScript } from './likelyScript'
export { type AnswerValue, matchAnswer } from './matchAnswer'
export { type Answers, firstQuestion, nextQuestion, questionPath } from './nextQuestion'
export { localeChain, resolveLocale, resolveText } from './resolveText'
