import { describe, expect, it } from 'vitest'
import { pathPattern } from './pathPattern'

describe('pathPattern', () => {
  it.each([
    ['/', '/'],
    ['/pricing', '/pricing'],
    ['/reports/1042/edit', '/reports/:id/edit'],
    ['/u/550e8400-e29b-41d4-a716-446655440000', '/u/:id'],
    ['/r/a1b2c3d4', '/r/:id'],
    ['/shop/item-2045', '/shop/:id'],
    ['/orders/1042/', '/orders/:id/'],
    // A person named by their address or handle is a record too, and must not become a segment
    // that the dashboard lists and the rollups keep.
    ['/users/ada@example.com', '/users/:id'],
    ['/users/ada%40example.com/edit', '/users/:id/edit'],
    ['/@ada', '/:id'],
    // Page names that hold a digit but name no record stay.
    ['/api/v2/settings', '/api/v2/settings'],
    ['/docs/es2020', '/docs/es2020'],
    ['/settings/notifications', '/settings/notifications'],
    ['', ''],
  ])('%s is the page %s', (path, pattern) => {
    expect(pathPattern(path)).toBe(pattern)
  })
})
