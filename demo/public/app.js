// Acme Reports: a small reporting SaaS that hosts Sonde. It knows Sonde only as window.sonde.
const sonde = window.sonde
const view = document.getElementById('view')

const USERS = [
  { id: 'u_ada', name: 'Ada (Pro)', plan: 'pro' },
  { id: 'u_bob', name: 'Bob (Free)', plan: 'free' },
  { id: 'u_cleo', name: 'Cléo (Business)', plan: 'business' },
]
const REPORTS = [
  { id: 'r1', name: 'Weekly revenue', rows: 1280 },
  { id: 'r2', name: 'Churn by cohort', rows: 342 },
  { id: 'r3', name: 'Support backlog', rows: 96 },
]
const tickets = [
  { id: 'T-1042', subject: 'Export times out on large reports', open: true },
  { id: 'T-1043', subject: 'Invite a colleague to a workspace', open: true },
  { id: 'T-1044', subject: 'Change billing email', open: true },
]

/** Builds an element from a tag, properties and children (text is always text, never HTML). */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value)
    else if (key === 'class') el.className = value
    else el.setAttribute(key, value)
  }
  for (const child of children.flat()) el.append(child)
  return el
}

const currentUser = () => JSON.parse(localStorage.getItem('demo.user') || 'null')

function signIn() {
  view.replaceChildren(
    h(
      'section',
      { class: 'card' },
      h('h1', {}, 'Sign in to Acme Reports'),
      h(
        'p',
        {},
        'Pick a demo user. Pro and Business users are asked for NPS on their third page view.',
      ),
      h(
        'div',
        { class: 'users' },
        USERS.map((user) =>
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onClick: () => {
                localStorage.setItem('demo.user', JSON.stringify(user))
                sonde.identify(user.id, { plan: user.plan, name: user.name })
                navigate('/app')
              },
            },
            `Continue as ${user.name}`,
          ),
        ),
      ),
    ),
  )
}

function dashboard() {
  const user = currentUser()
  view.replaceChildren(
    h('h1', {}, `Good morning, ${user.name.split(' ')[0]}`),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Revenue this week'),
        h('p', { class: 'big' }, '$48,210'),
        h('p', {}, '+6.2% on last week'),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Active users'),
        h('p', { class: 'big' }, '1,942'),
        h('p', {}, '+118 since Monday'),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Open tickets'),
        h('p', { class: 'big' }, String(tickets.filter((t) => t.open).length)),
        h('a', { href: '/app/support', 'data-link': '' }, 'Go to support'),
      ),
    ),
    h(
      'p',
      {},
      h(
        'button',
        {
          id: 'new-report',
          type: 'button',
          class: 'primary',
          onClick: () => navigate('/app/reports'),
        },
        'New report',
      ),
    ),
  )
}

function reports() {
  view.replaceChildren(
    h('h1', {}, 'Reports'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'Report'), h('th', {}, 'Rows'), h('th', {}, 'Export')),
      ),
      h(
        'tbody',
        {},
        REPORTS.map((report, i) =>
          h(
            'tr',
            {},
            h('td', {}, report.name),
            h('td', {}, String(report.rows)),
            h(
              'td',
              {},
              h(
                'button',
                {
                  type: 'button',
                  ...(i === 0 ? { 'data-tour': 'export' } : {}),
                  onClick: (event) => exportReport(report, event.currentTarget),
                },
                'Export CSV',
              ),
            ),
          ),
        ),
      ),
    ),
    h('p', { id: 'export-status', role: 'status' }),
  )
}

function exportReport(report, button) {
  const status = document.getElementById('export-status')
  button.disabled = true
  status.textContent = `Exporting “${report.name}”…`
  sonde.track('export_started', { rows: report.rows })
  setTimeout(() => {
    button.disabled = false
    status.textContent = `“${report.name}” exported (${report.rows} rows).`
    sonde.track('export_finished', { rows: report.rows, format: 'csv' })
  }, 1200)
}

function support() {
  const list = h('ul', { class: 'tickets' })
  const draw = () =>
    list.replaceChildren(
      ...tickets.map((ticket) =>
        h(
          'li',
          {},
          h('span', {}, `${ticket.id} · ${ticket.subject}`),
          ticket.open
            ? h(
                'button',
                {
                  type: 'button',
                  onClick: () => {
                    ticket.open = false
                    sonde.track('ticket_closed', { ticket: ticket.id })
                    draw()
                    // The button just pressed is gone: keep the keyboard on this ticket's row.
                    document.getElementById(`solved-${ticket.id}`)?.focus()
                  },
                },
                'Mark solved',
              )
            : h('span', { class: 'done', id: `solved-${ticket.id}`, tabindex: '-1' }, 'Solved'),
        ),
      ),
    )
  draw()
  view.replaceChildren(
    h('h1', {}, 'Support'),
    h('p', {}, 'Your conversations with the Acme team.'),
    list,
  )
}

const routes = { '/app': dashboard, '/app/reports': reports, '/app/support': support }

function render() {
  const user = currentUser()
  document.getElementById('who').textContent = user ? user.name : ''
  document.body.classList.toggle('signed-out', !user)
  if (!user) return signIn()
  ;(routes[location.pathname] ?? dashboard)()
}

function navigate(path) {
  history.pushState(null, '', path)
  render()
  view.focus()
}

document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-link]')
  if (!link) return
  event.preventDefault()
  navigate(link.getAttribute('href'))
})
addEventListener('popstate', render)

// Header tools: the visitor's language, dark mode, the network switch and the outbox count. The
// app's own pages are in English only, so the page stays lang="en" left to right: Sonde's prompts
// and tours, in the language chosen, carry their own lang and dir (marked lang="ar", the app's
// English was read by an Arabic voice and "+6.2% on last week" drawn as "on last week 6.2%+").
const lang = document.getElementById('lang-select')
lang.value = localStorage.getItem('demo.locale') || 'en'
lang.addEventListener('change', () => {
  localStorage.setItem('demo.locale', lang.value)
  location.reload()
})
const theme = document.getElementById('theme-toggle')
const dark = localStorage.getItem('demo.dark') === '1'
document.body.classList.toggle('dark', dark)
theme.setAttribute('aria-pressed', String(dark))
theme.addEventListener('click', () => {
  localStorage.setItem('demo.dark', dark ? '0' : '1')
  location.reload()
})
document.getElementById('sign-out').addEventListener('click', () => {
  localStorage.removeItem('demo.user')
  sonde.reset()
  navigate('/')
})

const network = document.getElementById('network-toggle')
const outbox = document.getElementById('outbox')
let pending = 0
const showOutbox = () => {
  outbox.textContent = `Outbox: ${pending}`
}
sonde.on('delivery:queued', (p) => {
  pending = p.pending
  showOutbox()
})
sonde.on('delivery:sent', (p) => {
  pending = p.pending
  showOutbox()
})
async function syncNetwork() {
  const state = await (await fetch('/demo/network')).json()
  network.setAttribute('aria-pressed', String(state.down))
  network.textContent = state.down ? 'Go online' : 'Go offline'
}
network.addEventListener('click', async () => {
  const down = network.getAttribute('aria-pressed') !== 'true'
  await fetch(`/demo/network?down=${down ? 1 : 0}`, { method: 'POST' })
  await syncNetwork()
  if (!down) sonde.flush()
})
syncNetwork()

if (location.pathname === '/' && currentUser()) history.replaceState(null, '', '/app')
render()
