import { isIP, isIPv6 } from 'node:net'

/**
 * The IP address `address` holds, without the port some proxies add (`192.0.2.1:50123`,
 * `[2001:db8::1]:443`), or `null` when it holds none.
 */
export function ipOf(address: string): string | null {
  const ip =
    /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1] ??
    /^\[(.+)\](:\d+)?$/.exec(address)?.[1] ??
    address
  return isIP(ip) ? ip : null
}

/**
 * Who a client is for rate limiting: an IPv4 address as it is, an IPv6 address as its /56
 * network (`2001:db8:0:ab00::/56`). ISPs hand each site a /56 or a /64 and the client picks its
 * own addresses in it, so a bucket per IPv6 address let it take a fresh one for each request.
 * An IPv4 address mapped into IPv6 (`::ffff:192.0.2.1`) is that IPv4 client; a port, which some
 * proxies add (`192.0.2.1:50123`, `[2001:db8::1]:443`) and which changes with every connection,
 * is left out. Anything that is not an IP address is returned as it is.
 */
export function clientNetwork(address: string): string {
  const ip = ipOf(address)
  if (ip === null) return address
  if (!isIPv6(ip)) return ip
  const groups = expand(ip.replace(/%.*$/, ''))
  const [a = 0, b = 0, c = 0, d = 0, , , g = 0, h = 0] = groups
  if (groups.slice(0, 6).join() === '0,0,0,0,0,65535') {
    return [g >> 8, g & 0xff, h >> 8, h & 0xff].join('.')
  }
  return `${[a, b, c, d & 0xff00].map((group) => group.toString(16)).join(':')}::/56`
}

// The eight 16-bit groups of a valid IPv6 address: `::` filled in, and a trailing IPv4 part
// (`::ffff:192.0.2.1`) read as its two groups.
function expand(ip: string): number[] {
  const ipv4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip)
  const [w = 0, x = 0, y = 0, z = 0] = ipv4 ? ipv4.slice(1).map(Number) : []
  const hex = ipv4
    ? `${ip.slice(0, ipv4.index)}${((w << 8) | x).toString(16)}:${((y << 8) | z).toString(16)}`
    : ip
  const [head = '', tail] = hex.split('::')
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : [])
  const left = parse(head)
  const right = parse(tail ?? '')
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right]
}
