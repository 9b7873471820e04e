import type { DeliveryChunk } from '../delivery/deferDelivery'

export type { DeliveryChunk }

import type { Answer, Survey, TargetingState, Theme, Tour } from '@sonde/core'
import type { DismissReason, TourDismissReason } from '@sonde/ui'
import type { Mount } from './createPresenter'
import type { FlowContext } from './flowContext'

/** The survey half of `@sonde/ui`, in the survey chunk: pages pay for Preact only when due. */
export interface SurveyUi {
  mountSurvey(
    survey: Survey,
    options: {
      locale?: string
      theme?: Theme
      onAnswer?: (e: {
        answers: Answer[]
        seq: number
        questionId: string
        completed: boolean
      }) => void
      onDismiss?: (e: { answers: Answer[]; seq: number; reason: DismissReason }) => void
      onComplete?: (e: { answers: Answer[]; seq: number }) => void
      onClose?: () => void
      due?: () => boolean
    },
  ): { close(): void; ready: Promise<void> }
}

/** The tour half of `@sonde/ui`, a chunk of its own (it brings floating-ui). */
export interface TourUi {
  mountTour(
    tour: Tour,
    options: {
      locale?: string
      theme?: Theme
      startAt?: number
      onShow?: (e: { stepId: string; index: number }) => void
      onStep?: (e: { stepId: string; index: number; dwellMs: number; to: number }) => void
      onComplete?: (e: { dwellMs: number }) => void
      onDismiss?: (e: { stepId: string; index: number; reason: TourDismissReason }) => void
      onClose?: () => void
    },
  ): { close(reason?: TourDismissReason): void; ready: Promise<void>; signal(name: string): void }
}

/**
 * The survey chunk: the survey UI and the flow that reports what the respondent does. It brings
 * the outbox's queue that stores its answers, handed to the running outbox as a flow starts (a
 * prompt is never on screen without it).
 */
export interface SurveyChunk {
  surveyFlow(survey: Survey, ctx: FlowContext): Mount
}

/** The tour chunk: the tour UI (it brings floating-ui), the flow that reports it, the outbox's queue (as the survey chunk's). */
export interface TourChunk {
  /**
   * `resumeAt`: the step a tour left mid-way goes on at; none for a fresh start. `before`: the
   * targeting state as the tour's code began to load (an event tracked since, before its step
   * could hear it, is taken as heard).
   */
  tourFlow(
    tour: Tour,
    resumeAt: number | undefined,
    ctx: FlowContext,
    before: TargetingState,
  ): Mount
}

/** The validator: zod and every schema, needed only for options and configs not seen valid. */
export type Validator = typeof import('../validate/index')

/** How the running build loads each chunk: by package import (npm) or by URL (script tag). */
export interface Chunks {
  survey: () => Promise<SurveyChunk>
  tour: () => Promise<TourChunk>
  validator: () => Promise<Validator>
  delivery: () => Promise<DeliveryChunk>
}
