import type { Device } from '@sonde/core'

// iPadOS 13+ reports a desktop Macintosh user agent; only touch support gives it away.
const tabletAgent = /iPad|Tablet|PlayBook|Silk|Android(?!.*Mobile)/i
// Mobi also catches Android phones (Mobile), Windows Phone (IEMobile, Mobile) and iPods (Mobile,
// and "iPhone OS"); the others are phones that say neither.
const mobileAgent = /Mobi|iPhone|BlackBerry|Opera Mini/i

/**
 * A coarse device class, the only one Sonde sends: desktop, tablet or mobile. No fingerprinting.
 * From the user agent, `navigator.userAgentData.mobile` where the browser offers it, the screen
 * width in CSS pixels and `navigator.maxTouchPoints`.
 */
export function detectDevice(
  userAgent: string,
  mobile: boolean | undefined,
  width: number,
  touchPoints: number,
): Device {
  if (tabletAgent.test(userAgent)) return 'tablet'
  if (/Macintosh/.test(userAgent) && touchPoints > 1) return 'tablet'
  if (mobile === true || mobileAgent.test(userAgent)) return 'mobile'
  if (touchPoints > 0 && width > 0 && width < 600) return 'mobile'
  return 'desktop'
}
