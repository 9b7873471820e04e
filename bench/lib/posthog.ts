// posthog-js as a script-tag user installs it, for the browser benches, with PostHog's endpoints
// mocked on loopback. The snippet loads /static/array.js from the API host, which then fetches:
//   GET  /array/<token>/config.js   the project's remote config (a script; surveys switched on)
//   GET  /static/<version>/surveys.js  the surveys extension, at once when surveys are on
//   GET  /api/surveys/?token=…      the survey definitions
//   POST /flags/?v=2                feature flags (after init, and as person properties change)
//   POST /e/, /i/v0/e/              captured events ($pageview, the trigger, "survey shown", …)
// (found by logging what it requests; anything else is answered 404 and reported by the bench).
import { existsSync, readFileSync } from 'node:fs'
import { peer, versionOf } from './peer'
import type { SurveyProbe } from './prompt'
import type { Route } from './server'
import { QUESTION, SURVEY_ID, TRIGGER_EVENT } from './sonde'

const dir = peer('posthog-js')
export const POSTHOG_VERSION = versionOf(dir)
const TOKEN = 'phc_bench'
/** The file whose evaluation starts it: the one the snippet loads. */
export const POSTHOG_SCRIPT = '/static/array.js'

// The same survey as Sonde's: one 1–5 rating popover, shown when the event is captured. An
// event-triggered survey (conditions.events) is what a product team sets up in PostHog for
// "ask after X happens"; repeatedActivation and schedule "always" let it show again at once
// on the same page, as Sonde's survey may (recontact 0, cooldown 0), for the cached runs.
const survey = {
  id: SURVEY_ID,
  name: 'CSAT',
  description: '',
  type: 'popover',
  questions: [
    {
      type: 'rating',
      id: 'csat',
      question: QUESTION,
      display: 'number',
      scale: 5,
      lowerBoundLabel: 'Unhappy',
      upperBoundLabel: 'Happy',
    },
  ],
  conditions: {
    events: { repeatedActivation: true, values: [{ name: TRIGGER_EVENT }] },
    cancelEvents: null,
    actions: null,
  },
  appearance: { position: 'right' },
  start_date: '2026-01-01T00:00:00Z',
  end_date: null,
  current_iteration: null,
  current_iteration_start_date: null,
  schedule: 'always',
  feature_flag_keys: null,
  linked_flag_key: null,
  targeting_flag_key: null,
  internal_targeting_flag_key: null,
}

// A project that uses PostHog for surveys: replay, heatmaps, dead clicks, web vitals and
// exception capture off in its settings (each would load an extension and cost more); what the
// client does by default (pageviews, autocapture) left as a fresh snippet has it.
const remoteConfig = {
  token: TOKEN,
  supportedCompression: ['gzip', 'gzip-js'],
  hasFeatureFlags: false,
  captureDeadClicks: false,
  capturePerformance: false,
  autocapture_opt_out: false,
  autocaptureExceptions: false,
  analytics: { endpoint: '/i/v0/e/' },
  elementsChainAsString: true,
  sessionRecording: false,
  heatmaps: false,
  surveys: true,
  productTours: false,
  defaultIdentifiedOnly: true,
  siteApps: [],
}

/**
 * The page's <head> additions: PostHog's HTML snippet at work (a queue on `window.posthog`, then
 * array.js loaded async from the API host) and `posthog.init`. The published snippet also
 * stubs some 40 methods; the page calls none of them before array.js is in.
 * - `defaults`: the newest configuration defaults this version knows, as a fresh snippet has.
 * - `opt_out_useragent_filter`: PostHog drops every event from a browser it takes for a bot, and
 *   an automated Chromium is one (navigator.webdriver); this is the setting its message names
 *   for end-to-end tests. Without it no event, so no event-triggered survey, ever fires.
 */
export function posthogHead(apiHost: string): string {
  const options = { api_host: apiHost, defaults: '2026-08-30', opt_out_useragent_filter: true }
  return `<script>(function (w, d) {
  var ph = (w.posthog = [])
  ph._i = []
  ph.init = function (token, config, name) { ph._i.push([token, config, name]) }
  var s = d.createElement('script')
  s.async = true
  s.crossOrigin = 'anonymous'
  s.src = ${JSON.stringify(apiHost + POSTHOG_SCRIPT)}
  d.head.appendChild(s)
})(window, document)
posthog.init(${JSON.stringify(TOKEN)}, ${JSON.stringify(options)})</script>`
}

const json = (body: unknown) => ({ type: 'application/json', body: JSON.stringify(body) })

export const posthogRoutes: Route = ({ method, path }) => {
  // /static/array.js and the extensions, versioned (/static/1.449.2/surveys.js) or not.
  const file = /^\/static\/(?:[\d.]+\/)?([\w-]+\.js)$/.exec(path)?.[1]
  if (method === 'GET' && file) {
    if (!existsSync(`${dir}dist/${file}`)) return { status: 404 }
    return {
      type: 'text/javascript',
      cache: 'max-age=3600',
      body: readFileSync(`${dir}dist/${file}`),
    }
  }
  if (path === `/array/${TOKEN}/config.js`) {
    const config = JSON.stringify({ config: remoteConfig, siteApps: [] })
    return {
      type: 'text/javascript',
      body: `(function () {
  window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {}
  window._POSTHOG_REMOTE_CONFIG[${JSON.stringify(TOKEN)}] = ${config}
})()`,
    }
  }
  // The same remote config as JSON, which it asks for when the script cannot be used.
  if (path === `/array/${TOKEN}/config`) return json(remoteConfig)
  if (path === '/api/surveys/') return json({ surveys: [survey] })
  if (method === 'POST' && path === '/flags/') {
    return json({
      flags: {},
      featureFlags: {},
      featureFlagPayloads: {},
      errorsWhileComputingFlags: false,
      requestId: 'bench',
    })
  }
  if (method === 'POST' && ['/e/', '/i/v0/e/', '/batch/', '/s/'].includes(path)) {
    return json({ status: 1 })
  }
  return undefined
}

/**
 * How the harness reaches PostHog's survey in the page. The trigger is a captured event, as the
 * survey's conditions ask. PostHog shows an event-triggered survey from a check it runs every
 * second (surveys.js: setInterval(…, 1e3) over callSurveysAndEvaluateDisplayLogic), not on the
 * event itself, so its trigger → visible time is mostly the wait for that tick.
 */
export const posthogProbe: SurveyProbe = {
  // Survey definitions loaded (getSurveys answers at once, from memory, when they are).
  ready: `(() => {
    let ok = false
    window.posthog?.__loaded && window.posthog.getSurveys((surveys, context) => {
      ok = Boolean(context?.isLoaded) && surveys.length > 0
    })
    return ok
  })()`,
  trigger: `window.posthog.capture('${TRIGGER_EVENT}')`,
  host: `.PostHogSurvey-${SURVEY_ID}`,
  survey: '.survey-form',
  close: '.form-cancel',
}
