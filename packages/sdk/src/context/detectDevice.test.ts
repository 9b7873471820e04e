import { describe, expect, it } from 'vitest'
import { detectDevice } from './detectDevice'

const ua = {
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126.0 Mobile Safari/537.36',
  androidTab: 'Mozilla/5.0 (Linux; Android 14; SM-X710) Chrome/126.0 Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36',
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
  ] as const)('%j → %s', (hints, expected) => {
    expect(detectDevice(hints)).toBe(expected)
  })
})
