import type { Answer, Survey, Theme } from '@sonde/core'
import type { Logger } from './createLogger'

/** The part of `@sonde/ui` the SDK uses; loaded on demand so pages pay for Preact only when due. */
export interface UiModule {
  mountSurvey(
    survey: Survey,
    options: {
      locale?: string
      theme?: Theme
      nonce?: string
      onAnswer?: (e: {
        answers: Answer[]
        seq: number
        questionId: string
        completed: boolean
      }) => void
      onDismiss?: (e: { answers: Answer[]; seq: number; reason: string }) => void
      onComplete?: (e: { answers: Answer[]; seq: number }) => void
      onClose?: () => void
    },
  ): { close(): void; ready: Promise<void> }
}

export interface PromptCallbacks {
  shown(survey: Survey): void
  answered(survey: Survey, answers: Answer[], seq: number): void
  completed(survey: Survey, answers: Answer[], seq: number): void
  dismissed(survey: Survey, answers: Answer[], seq: number, reason: string): void
}

export interface Presenter {
  /** Shows `survey` after `delaySeconds` unless something else is pending or on screen. */
  request(survey: Survey, delaySeconds: number): boolean
  /** Drops a prompt still waiting out its delay (the route changed). */
  cancelPending(): void
  busy(): boolean
  close(): void
}

/**
 * One prompt at a time, in this tab and across tabs: the prompt holds a Web Lock for as long as
 * it is on screen, and a tab that cannot take it right away skips its prompt.
 */
export function createPresenter(
  deps: {
    loadUi: () => Promise<UiModule>
    lockName: string
    locale: string
    theme?: Theme | undefined
    win: Window
    log: Logger
  },
  callbacks: PromptCallbacks,
): Presenter {
  let pending: ReturnType<typeof setTimeout> | undefined
  let onScreen: { close(): void } | null = null
  let reserved = false

  const display = async (survey: Survey, release: () => void) => {
    try {
      const ui = await deps.loadUi()
      const handle = ui.mountSurvey(survey, {
        locale: deps.locale,
        ...(deps.theme ? { theme: deps.theme } : {}),
        onAnswer: (e) => callbacks.answered(survey, e.answers, e.seq),
        onComplete: (e) => callbacks.completed(survey, e.answers, e.seq),
        onDismiss: (e) => callbacks.dismissed(survey, e.answers, e.seq, e.reason),
        onClose: () => {
          onScreen = null
          release()
        },
      })
      onScreen = handle
      await handle.ready
      callbacks.shown(survey)
    } catch (error) {
      // The UI chunk failed to load (offline, blocked): proceed with less, never with an error.
      deps.log.error('could not show survey', survey.id, error)
      onScreen = null
      release()
    }
  }

  const acquire = (survey: Survey) => {
    const locks = deps.win.navigator.locks
    const run = (release: () => void) => void display(survey, release)
    if (!locks?.request) {
      run(() => {
        reserved = false
      })
      return
    }
    void locks
      .request(deps.lockName, { ifAvailable: true }, (lock) => {
        if (!lock) {
          deps.log.debug('another tab shows a prompt; skipping', survey.id)
          reserved = false
          return
        }
        return new Promise<void>((resolve) =>
          run(() => {
            reserved = false
            resolve()
          }),
        )
      })
      .catch(() => {
        reserved = false
      })
  }

  return {
    request(survey, delaySeconds) {
      if (reserved) return false
      reserved = true
      pending = setTimeout(() => {
        pending = undefined
        acquire(survey)
      }, delaySeconds * 1000)
      return true
    },
    cancelPending() {
      if (pending === undefined) return
      clearTimeout(pending)
      pending = undefined
      reserved = false
    },
    busy: () => reserved,
    close() {
      if (pending !== undefined) clearTimeout(pending)
      pending = undefined
      onScreen?.close()
      onScreen = null
    },
  }
}
