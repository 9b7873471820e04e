// How the demo talks to Sonde: only the documented script-tag API on window.sonde.
// Language and theme are the visitor's choices, kept in localStorage by the demo app.
;(() => {
  var locale = localStorage.getItem('demo.locale') || 'en'
  var dark = localStorage.getItem('demo.dark') === '1'
  var user = JSON.parse(localStorage.getItem('demo.user') || 'null')
  window.sonde.init({
    endpoint: '/v1/batch',
    key: 'pk_demo',
    config: '/v1/config?key=pk_demo',
    locale: locale,
    theme: { accent: '#4f46e5', colorScheme: dark ? 'dark' : 'light' },
    appVersion: '2.3.1',
    user: user ? { id: user.id, traits: { plan: user.plan, name: user.name } } : undefined,
    debug: true,
  })
})()
