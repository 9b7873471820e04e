import type { Device } from '@sonde/core'

interface DeviceHints {
  userAgent: string
  /** `navigator.userAgentData.mobile` where the browser offers it. */
  mobile?: boolean | undefined
  /** Screen width in CSS pixels. */
  width: number
  /** `navigator.maxTouchPoints`. */
  touchPoints: number
}

// iPadOS 13+ reports a desktop Macintosh user agent; only touch support gives it away.
const tabletAgent = /iPad|Tablet|PlayBook|Silk|Android(?!.*Mobile)/i
// Mobi also catches Android phones (Mobile), Windows Phone (IEMobile, Mobile) and iPods (Mobile,
// and "iPhone OS"); the others are phones that say neither.
const mobileAgent = /Mobi|iPhone|BlackBerry|Opera Mini/i

/** A coarse device class, the only one Sonde sends: desktop, tablet or mobile. No fingerprinting. */
export function detectDevice({ userAgent, mobile, width, touchPoints }: DeviceHints): Device {
  if (tabletAgent.test(userAgent)) return 'tablet'
  if (/Macintosh/.test(userAgent) && touchPoints > 1) return 'tablet'
  if (mobile === true || mobileAgent.test(userAgent)) return 'mobile'
  if (touchPoints > 0 && width > 0 && width < 600) return 'mobile'
  return 'desktop'
}
