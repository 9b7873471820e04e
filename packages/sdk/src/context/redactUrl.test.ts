import { describe, expect, it } from 'vitest'
import { redactUrl } from './redactUrl'

describe('redactUrl', () => {
  it.each([
    [
      'https://app.example.com/reset?token=a&email=x#access_token=y',
      [],
      'https://app.example.com/reset',
    ],
    [
      'https://app.example.com/r?utm_source=mail&token=a',
      ['utm_source'],
      'https://app.example.com/r?utm_source=mail',
    ],
    ['https://user:secret@app.example.com/x', [], 'https://app.example.com/x'],
    ['https://app.example.com/', [], 'https://app.example.com/'],
    ['https://app.example.com/a?x=1&x=2', ['x'], 'https://app.example.com/a?x=1&x=2'],
    ['not a url', [], ''],
    // Hybrid and desktop apps: a scheme of their own has an opaque ("null") origin.
    ['capacitor://localhost/settings?token=a#x', [], 'capacitor://localhost/settings'],
    ['app://./index.html?email=x', [], 'app://./index.html'],
    ['blob:https://app.example.com/5f1c?x=1', [], 'blob:https://app.example.com/5f1c'],
    // A data: URL is the document itself: only its scheme may go.
    ['data:text/html,<p>ann@example.com</p>', [], 'data:'],
  ])('%s keeping %j → %s', (href, keep, expected) => {
    expect(redactUrl(href, keep)).toBe(expected)
  })
})
