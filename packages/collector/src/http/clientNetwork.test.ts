import { describe, expect, it } from 'vitest'
import { clientNetwork, ipOf } from './clientNetwork'

describe('clientNetwork', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['2001:db8:0:ab01::1', '2001:db8:0:ab00::/56'],
    ['2001:DB8:0:AB02:0:0:0:2', '2001:db8:0:ab00::/56'],
    ['2001:db8::ab03:0:0:3', '2001:db8:0:0::/56'],
    ['2001:db8:0:ac00::1', '2001:db8:0:ac00::/56'],
    ['fe80::1%eth0', 'fe80:0:0:0::/56'],
    ['::1', '0:0:0:0::/56'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:201', '192.0.2.1'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/56'],
    ['198.51.100.7:50123', '198.51.100.7'],
    ['[2001:db8:0:ab01::1]:443', '2001:db8:0:ab00::/56'],
    ['[::ffff:192.0.2.1]', '192.0.2.1'],
    ['unknown', 'unknown'],
    ['not:an:address', 'not:an:address'],
  ])('%s → %s', (ip, expected) => {
    expect(clientNetwork(ip)).toBe(expected)
  })
})

describe('ipOf', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['198.51.100.7:50123', '198.51.100.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['unknown', null],
    ['198.51.100.7, 203.0.113.9', null],
    ['999.1.1.1', null],
    ['x'.repeat(100), null],
  ])('%s → %s', (address, expected) => {
    expect(ipOf(address)).toBe(expected)
  })
})
