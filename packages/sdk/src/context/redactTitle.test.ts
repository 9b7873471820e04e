import { describe, expect, it } from 'vitest'
import { redactTitle } from './redactTitle'

describe('redactTitle', () => {
  it.each([
    ['Inbox (3) - ann@example.com - Mail', 'Inbox (3) - :email - Mail'],
    ['Mail <ann.lee@example.co.uk>, Settings', 'Mail <:email>, Settings'],
    ['(ann+news@example.com)', '(:email)'],
    ['Reports\tann@example.com', 'Reports\t:email'],
    ['Two: a@example.com b@example.org.', 'Two: :email :email.'],
    // Not addresses: a handle, a package and its version, a word with an @ in it.
    ['@ann mentioned you', '@ann mentioned you'],
    ['preact@10.5.0 released', 'preact@10.5.0 released'],
    ['Meet @ 5pm', 'Meet @ 5pm'],
    ['', ''],
  ])('%j → %j', (title, expected) => {
    expect(redactTitle(title)).toBe(expected)
  })

  it('keeps a crafted title of long words as it is', () => {
    const title = `${'a@'.repeat(50_000)} ${')'.repeat(50_000)}@x`
    expect(redactTitle(title)).toBe(title)
  })
})
