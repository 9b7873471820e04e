import { describe, expect, it } from 'vitest'
import { detectDevice } from './detectDevice'

const ua = {
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126.0 Mobile Safari/537.36',
  androidTab: 'Mozilla/5.0 (Linux; Android 14; SM-X710) Chrome/126.0 Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36',
  ipod: 'Mozilla/5.0 (iPod touch; CPU iPhone OS 15_8 like Mac OS X) Version/15.6 Safari/604.1',
  wp8: 'Mozilla/5.0 (compatible; MSIE 10.0; Windows Phone 8.0; Trident/6.0; IEMobile/10.0; ARM)',
  wp10: 'Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Lumia 950) Mobile Safari/537.36 Edge/15',
  operaMini: 'Opera/9.80 (J2ME/MIDP; Opera Mini/4.2.14912/870; U; id) Presto/2.4.15',
  blackberry: 'BlackBerry9700/5.0.0.862 Profile/MIDP-2.1 Configuration/CLDC-1.1 VendorID/331',
}

describe('detectDevice', () => {
  it.each([
    [{ userAgent: ua.windows, width: 1920, touchPoints: 0 }, 'desktop'],
    [{ userAgent: ua.mac, width: 1440, touchPoints: 0 }, 'desktop'],
    [{ userAgent: ua.mac, width: 1024, touchPoints: 5 }, 'tablet'],
    [{ userAgent: ua.iphone, width: 390, touchPoints: 5 }, 'mobile'],
    [{ userAgent: ua.android, width: 412, touchPoints: 5 }, 'mobile'],
    [{ userAgent: ua.androidTab, width: 800, touchPoints: 10 }, 'tablet'],
    [{ userAgent: ua.windows, mobile: true, width: 400, touchPoints: 1 }, 'mobile'],
    [{ userAgent: 'Custom', width: 360, touchPoints: 2 }, 'mobile'],
    [{ userAgent: ua.ipod, width: 1024, touchPoints: 0 }, 'mobile'],
    [{ userAgent: ua.wp8, width: 1024, touchPoints: 0 }, 'mobile'],
    [{ userAgent: ua.wp10, width: 1024, touchPoints: 0 }, 'mobile'],
    [{ userAgent: ua.operaMini, width: 1024, touchPoints: 0 }, 'mobile'],
    [{ userAgent: ua.blackberry, width: 1024, touchPoints: 0 }, 'mobile'],
  ] as const)('%j → %s', (hints, expected) => {
    const { userAgent, width, touchPoints } = hints
    const mobile = 'mobile' in hints ? hints.mobile : undefined
    expect(detectDevice(userAgent, mobile, width, touchPoints)).toBe(expected)
  })
})
