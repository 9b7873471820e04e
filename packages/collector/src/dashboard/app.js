// @ts-check
// The dashboard's wiring: the key form, the filters (mirrored in the URL hash, keys excepted),
// fetching the stats and rendering them.

import { ApiError, fetchStats, fetchSurveys } from './api.js'
import { drawTrend, followWidth } from './chart.js'
import { byId, el, fill } from './dom.js'
import { renderCards, renderDistribution, renderSegments, renderTrendTable } from './render.js'
import { renderVerbatims } from './verbatims.js'

/** @typedef {import('./api.js').Access} Access */
/** @typedef {import('./api.js').SurveyStats} SurveyStats */

const accessForm = byId('access', HTMLFormElement)
const accessError = byId('access-error', HTMLElement)
const results = byId('results', HTMLElement)
const filters = byId('filters', HTMLFormElement)
const status = byId('status', HTMLElement)
const signOut = byId('sign-out', HTMLButtonElement)
const surveySelect = /** @type {HTMLSelectElement} */ (filters.elements.namedItem('survey'))
const storageKey = 'sonde.dashboard.access'

/** @type {{ access: Access | null, stats: SurveyStats | null, bucket: string }} */
const state = { access: null, stats: null, bucket: '' }

/** @returns {Access | null} */
function storedAccess() {
  try {
    const value = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null')
    return value && typeof value.key === 'string' && typeof value.readKey === 'string'
      ? value
      : null
  } catch {
    return null
  }
}

/** @param {string} message */
function showAccess(message) {
  const focused = hasFocus(results) || hasFocus(signOut)
  state.access = null
  sessionStorage.removeItem(storageKey)
  results.hidden = true
  signOut.hidden = true
  accessForm.hidden = false
  accessError.textContent = message
  // The focus was in what is now hidden: it would fall to the page's body.
  if (focused) accessForm.querySelector('input')?.focus()
}

/**
 * Whether the focus is in `element`, which is about to be hidden.
 * @param {HTMLElement} element
 */
function hasFocus(element) {
  return element.contains(document.activeElement)
}

/** @param {Access} access */
async function openProject(access) {
  accessError.textContent = ''
  try {
    const surveys = await fetchSurveys(access)
    state.access = access
    sessionStorage.setItem(storageKey, JSON.stringify(access))
    fill(surveySelect, surveyOptions(surveys))
    applyHash()
    const focused = hasFocus(accessForm)
    accessForm.hidden = true
    results.hidden = false
    signOut.hidden = false
    if (focused) surveySelect.focus()
    if (surveys.length === 0) {
      status.textContent = 'This project has no surveys yet.'
      return
    }
    await refresh()
  } catch (error) {
    showAccess(
      error instanceof ApiError && error.status === 401
        ? 'Wrong project key or read key.'
        : message(error),
    )
  }
}

/**
 * The picker's surveys, those the config lists apart from the others (ended or removed), which a
 * year in are most of them.
 * @param {import('./api.js').SurveySummary[]} surveys
 */
function surveyOptions(surveys) {
  /** @param {import('./api.js').SurveySummary} survey */
  const option = (survey) =>
    el('option', { value: survey.surveyId }, [
      `${survey.surveyId}${survey.kind ? ` (${survey.kind})` : ''}, ${survey.answered} answered`,
    ])
  /** @param {string} label @param {boolean} configured */
  const group = (label, configured) => {
    const items = surveys.filter((survey) => survey.configured === configured)
    return items.length > 0 ? [el('optgroup', { label }, items.map(option))] : []
  }
  return [...group('In the config', true), ...group('Not in the config (ended or removed)', false)]
}

/**
 * The filter values, as the stats API's query parameters. The bucket goes to the API too: the
 * verbatims are the newest few hundred, so a bucket filtered in the page would miss every
 * verbatim of that bucket older than them.
 */
function currentQuery() {
  const data = new FormData(filters)
  /** @type {Record<string, string>} */
  const query = {}
  for (const name of ['from', 'to', 'interval', 'segment']) {
    const value = data.get(name)
    if (typeof value === 'string' && value) query[name] = value
  }
  if (state.bucket) query.bucket = state.bucket
  return { survey: String(data.get('survey') ?? ''), query }
}

/**
 * Sets the filters from the URL hash, so a view can be bookmarked or shared (without keys). A
 * filter the hash leaves out goes back to its default: going back to a view without a range must
 * not keep the range chosen after it.
 */
function applyHash() {
  const params = new URLSearchParams(location.hash.slice(1))
  for (const name of ['survey', 'from', 'to', 'interval', 'segment']) {
    const field = filters.elements.namedItem(name)
    const value = params.get(name)
    if (field instanceof HTMLInputElement) field.value = value ?? ''
    if (field instanceof HTMLSelectElement) field.value = value || (field.options[0]?.value ?? '')
  }
  state.bucket = params.get('bucket') ?? ''
}

// Counts the views asked for: only the latest is shown. An arrow key on the closed survey picker
// changes it at once, each survey passed on the way a view of its own that may arrive after it.
let views = 0

/**
 * Fetches and renders the filtered view. A view the user chose is a new history entry, so back
 * returns to the one before; opening the project, or following the URL, only rewrites it.
 * @param {boolean} [push]
 */
async function refresh(push = false) {
  const access = state.access
  const { survey, query } = currentQuery()
  if (!access || !survey) return
  const hash = `#${new URLSearchParams({ survey, ...query })}`
  if (push && hash !== location.hash) history.pushState(null, '', hash)
  else history.replaceState(null, '', hash)
  status.textContent = 'Loading…'
  const view = ++views
  try {
    const stats = await fetchStats(access, survey, query)
    if (view !== views) return
    state.stats = stats
    render()
    status.textContent = `Updated ${new Date().toLocaleTimeString()}`
  } catch (error) {
    if (view !== views) return
    if (error instanceof ApiError && error.status === 401) showAccess('The read key was refused.')
    else if (error instanceof ApiError && error.status === 429) {
      // The collector bounds a project's reads: the view still asked for is asked again when it
      // says, unless another is asked for meanwhile.
      status.textContent = `The collector is busy: trying again in ${error.retryAfter} s`
      setTimeout(() => {
        if (view === views) void refresh()
      }, error.retryAfter * 1000)
    } else status.textContent = `Could not load the results: ${message(error)}`
  }
}

function render() {
  const stats = state.stats
  if (!stats) return
  renderCards(byId('cards', HTMLElement), stats)
  drawTrend(byId('trend-chart', HTMLElement), stats)
  renderTrendTable(byId('trend-table', HTMLTableElement), stats)
  renderDistribution(byId('distribution', HTMLElement), stats)
  renderSegments(byId('segments', HTMLTableElement), stats)
  renderVerbatims(
    byId('bucket-filter', HTMLElement),
    byId('verbatims', HTMLElement),
    stats,
    state.bucket,
    (bucket) => {
      state.bucket = bucket
      void refresh(true)
    },
  )
}

/** @param {unknown} error */
function message(error) {
  return error instanceof Error ? error.message : String(error)
}

accessForm.addEventListener('submit', (event) => {
  event.preventDefault()
  const data = new FormData(accessForm)
  void openProject({
    key: String(data.get('key') ?? '').trim(),
    readKey: String(data.get('readKey') ?? ''),
  })
})
filters.addEventListener('submit', (event) => {
  event.preventDefault()
  void refresh(true)
})
// A key on the closed picker (an arrow, Home, a letter) changes it at once: a keyboard or screen
// reader user going down the list sees each survey passed. Such a walk is one history entry, as a
// pick with the mouse is: the first of its views pushed, the others written over it, so Back
// returns to the survey before it. `keyed`: the change came with a key; `walking`: since the
// picker took the focus, a key changed it.
let keyed = false
let walking = false
surveySelect.addEventListener('keydown', () => {
  keyed = true
  setTimeout(() => {
    keyed = false
  })
})
surveySelect.addEventListener('blur', () => {
  walking = false
})
surveySelect.addEventListener('change', () => {
  state.bucket = ''
  void refresh(!(keyed && walking))
  walking = keyed
})
// Back, forward, or a link to another view pasted into this tab (the page stays: only its hash
// differs): the view follows the URL.
addEventListener('popstate', () => {
  if (!state.access) return
  applyHash()
  void refresh()
})
signOut.addEventListener('click', () => showAccess(''))
followWidth(byId('trend-chart', HTMLElement))

const saved = storedAccess()
if (saved) void openProject(saved)
