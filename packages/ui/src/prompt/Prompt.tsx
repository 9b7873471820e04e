import {
  type LocalizedText,
  type Position,
  resolveLocale,
  resolveText,
  type Survey,
  type Theme,
} from '@sonde/core'
import { useEffect, useState } from 'preact/hooks'
import { QuestionView } from '../questions/QuestionView'
import type { QuestionContext, Said } from '../questions/types'
import type { Session } from '../session/createSession'
import type { DismissReason } from '../session/types'
import { otherLang } from '../strings/otherLang'
import type { Strings } from '../strings/types'
import { isRtl } from '../theme/isRtl'
import { LiveRegion } from './LiveRegion'
import { ProgressBar } from './ProgressBar'
import { Surface } from './Surface'
import { ThankYou } from './ThankYou'

export interface PromptProps {
  survey: Survey
  session: Session
  strings: Strings
  locale: string
  theme: Theme | undefined
  position: Position
  dismissible: boolean
  /** Prefix of the element ids, unique per mount. */
  ids: string
  /** How long the thank-you screen stays; 0 keeps it until closed. */
  autoCloseMs: number
  /** Times the page took the prompt out and it came back: its surface opens again each time. */
  returns: number
  /** The prompt is done (completed and closed, or dismissed): unmount it. */
  onClose: () => void
}

/** One survey on screen: the current question, or the thank-you screen once completed. */
export function Prompt(p: PromptProps) {
  const { survey, session, strings, locale } = p
  const modal = p.position === 'center'
  const [current, setCurrent] = useState(session.current)
  // Focus follows the respondent: into a modal at once, into a corner prompt only after they act.
  const [focus, setFocus] = useState(modal)
  const tx = (text: LocalizedText) => resolveText(text, locale, survey.locale)
  // A text shown in a fallback language says so, for the screen reader's voice and hyphenation.
  const other = (lang: string) => otherLang(lang, locale)
  const langOf = (text: LocalizedText) => other(resolveLocale(text, locale, survey.locale))
  const ui = other(strings.lang)
  const say = (text: LocalizedText | undefined, fallback: string): Said =>
    text ? [tx(text), langOf(text)] : [fallback, ui]
  const question = survey.questions.find((q) => q.id === current)
  // Outside the surface, the region would take the page's lang: it says its UI words are in the
  // strings' language and its question in the one the question is shown in, each the surface's
  // when the same (zh-Hant strings on a zh-HK one are read in its voice).
  const [announcement] = useState<Said[]>(() => {
    if (modal || !question) return []
    const [before = '', after = ''] = strings.announce.split('{q}')
    const q: Said = [tx(question.text), langOf(question.text) ?? locale]
    return [[before], q, [after]]
  })
  const { n, total } = session.progress()
  const titleId = `${p.ids}-${current}`
  const dir = isRtl(locale) ? 'rtl' : 'ltr'

  const close = (reason: DismissReason) => {
    session.dismiss(reason) // no-op once completed: only an unfinished survey is dismissed
    p.onClose()
  }
  const act = (step: () => void) => {
    step()
    setFocus(true)
    setCurrent(session.current)
  }

  const { autoCloseMs, onClose } = p
  useEffect(() => {
    if (question || autoCloseMs <= 0) return
    const timer = setTimeout(onClose, autoCloseMs)
    return () => clearTimeout(timer)
  }, [question, autoCloseMs, onClose])

  const ctx: QuestionContext = {
    strings,
    locale,
    dir,
    tx,
    langOf,
    ui,
    say,
    titleId,
    progressId: total > 1 ? `${p.ids}p` : undefined,
    isLast: n === total,
  }
  return (
    <>
      <Surface
        position={p.position}
        theme={p.theme}
        locale={locale}
        dir={dir}
        labelledBy={titleId}
        returns={p.returns}
        onEscape={() => {
          if (p.dismissible || !question) close('escape')
        }}
      >
        <div class="c">
          {question && total > 1 && <ProgressBar n={n} total={total} ctx={ctx} />}
          {question ? (
            <QuestionView
              key={question.id}
              question={question}
              ctx={ctx}
              autoFocus={focus}
              onAnswer={(value, other) => act(() => session.answer(question.id, value, other))}
              onSkip={() => act(() => session.skip(question.id))}
            />
          ) : (
            <ThankYou
              titleId={titleId}
              title={say(survey.thankYou, strings.thanks)}
              body={survey.thankYou ? undefined : strings.thanksBody}
              autoFocus={focus}
            />
          )}
          {(p.dismissible || !question) && (
            <button
              type="button"
              class="x"
              lang={ui}
              aria-label={strings.close}
              onClick={() => close('close')}
            >
              ×
            </button>
          )}
        </div>
      </Surface>
      <LiveRegion message={announcement} lang={ui ?? locale} />
    </>
  )
}
