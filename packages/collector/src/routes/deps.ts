import type { ConfigStore } from '../config/configStore'
import type { Database } from '../db/database'
import type { RollupFolder } from '../db/foldRollups'
import type { RateLimiter } from '../http/rateLimiter'
import type { RefuseOrigin } from '../http/refuseOrigin'
import type { UploadSlots } from '../http/uploadSlots'
import type { CountedRefusals } from '../ingest/admitResponses'
import type { DailyAllowance } from '../ingest/createDailyAllowance'
import type { QuestionAllowance } from '../ingest/createQuestionAllowance'
import type { SurveyAllowance } from '../ingest/createSurveyAllowance'
import type { ProjectLookup, StoredProject } from '../projects/project'

/** Tunable limits of a collector. */
export interface Limits {
  /** Largest accepted body of POST /v1/batch, in bytes; larger → 413 and the SDK splits. */
  bodyBytes: number
  /** Sustained batches per second allowed per project key and client IP. */
  ratePerSecond: number
  /** Batches a client may send at once before the rate applies. */
  burst: number
  /**
   * Body bytes per second a client network may send to POST /v1/batch, whatever becomes of
   * them: each is read and parsed before its key is known.
   */
  networkBytesPerSecond: number
  /** Body bytes a client network may send at once before its byte rate applies. */
  networkByteBurst: number
  /** Bodies of POST /v1/batch a client network may have in reading at once. */
  uploadsPerNetwork: number
  /**
   * Sustained requests per second a client network may make of every route but POST /v1/batch
   * (which has the limits above): the config, CORS preflights, /healthz, the dashboard.
   */
  networkRequestsPerSecond: number
  /** Such requests a client network may make at once before its rate applies. */
  networkRequestBurst: number
  /** Sustained stats reads per second allowed per project, whichever networks ask. */
  readsPerSecond: number
  /** Stats reads a project may have at once before its rate applies. */
  readBurst: number
  /** Wrong read keys (or project keys) per hour a client network may try, once its burst is spent. */
  readKeyGuessesPerHour: number
  /** Wrong read keys a client network may try at once: typing mistakes, a key pasted wrong. */
  readKeyGuessBurst: number
  /** How long browsers and CDNs may reuse a config before revalidating it. */
  configMaxAgeSeconds: number
  /** Surveys a project may have answers to that its config does not list (inline configs). */
  surveysOutsideConfig: number
  /**
   * How many of those are taken from whichever client network sends them, alone: the project's
   * first ones, for good (not each day: one network could use all of them up in a few days).
   */
  surveysOutsideConfigFromOneNetwork: number
  /** How many client networks must send a survey outside the config to start it past those. */
  networksPerSurveyOutsideConfig: number
  /**
   * Questions a survey may have answers to that its config does not list (earlier versions, a
   * survey outside the config): each is a column pair of the CSV export.
   */
  questionsOutsideConfig: number
  /** How many of those of a survey are taken from whichever network sends them: its first ones. */
  questionsOutsideConfigFromOneNetwork: number
  /** How many client networks must send a question outside the config to start it past those. */
  networksPerQuestionOutsideConfig: number
  /**
   * Dropped events a client network may report per project and UTC day: a batch's `dropped` is
   * the device's word, sent with the public key.
   */
  droppedPerNetworkPerDay: number
  /**
   * New responses a client network may start per project and UTC day: each counts in its
   * survey's score, and the write key is public.
   */
  responsesPerNetworkPerDay: number
}

/** The defaults: four times the SDK's 256 KB batch, and room for a busy tab's bursts. */
export const defaultLimits: Limits = {
  bodyBytes: 1_048_576,
  ratePerSecond: 5,
  burst: 20,
  networkBytesPerSecond: 256_000,
  networkByteBurst: 4_194_304,
  uploadsPerNetwork: 16,
  networkRequestsPerSecond: 20,
  networkRequestBurst: 600,
  readsPerSecond: 5,
  readBurst: 60,
  readKeyGuessesPerHour: 60,
  readKeyGuessBurst: 10,
  configMaxAgeSeconds: 60,
  surveysOutsideConfig: 100,
  surveysOutsideConfigFromOneNetwork: 20,
  networksPerSurveyOutsideConfig: 3,
  questionsOutsideConfig: 60,
  questionsOutsideConfigFromOneNetwork: 20,
  networksPerQuestionOutsideConfig: 3,
  droppedPerNetworkPerDay: 1_000,
  responsesPerNetworkPerDay: 2_000,
}

/** What every route needs, built once by createApp. */
export interface Deps {
  db: Database
  projects: ProjectLookup
  configs: ConfigStore
  limits: Limits
  limiter: RateLimiter
  /** Body bytes of POST /v1/batch, per client network. */
  bytes: RateLimiter
  /** Bodies of POST /v1/batch in reading, per client network. */
  uploads: UploadSlots
  /** Requests of every route but POST /v1/batch, per client network. */
  requests: RateLimiter
  /** Stats reads, per project key. */
  reads: RateLimiter
  /** Wrong read keys, per client network. */
  guesses: RateLimiter
  surveys: SurveyAllowance
  questions: QuestionAllowance
  drops: DailyAllowance
  /** New responses, per project and client network. */
  responses: DailyAllowance
  /** The responses refused lately, each counted once. */
  refusals: CountedRefusals
  rollups: RollupFolder
  /** How many proxies in front of the collector append to X-Forwarded-For; 0: none. */
  trustedHops: number
  log: (message: string) => void
  /** A 403 for an origin the project does not list, said once per origin in the log. */
  refuseOrigin: RefuseOrigin
}

/** Hono's environment for the collector: the project a request resolved to, if any. */
export interface Env {
  Variables: { project?: StoredProject }
}
