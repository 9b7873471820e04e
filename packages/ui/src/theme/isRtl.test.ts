import { describe, expect, it } from 'vitest'
import { isRtl } from './isRtl'

describe('isRtl', () => {
  it.each<[string, boolean]>([
    ['ar', true],
    ['AR-eg', true],
    ['he', true],
    ['iw', true],
    ['fa-IR', true],
    ['ur', true],
    ['yi', true],
    ['dv', true],
    ['ps', true],
    // Kurdish: Kurmanji is written in Latin letters, Sorani in Arabic ones.
    ['ku', false],
    ['ku-TR', false],
    ['ckb', true],
    ['ku-Arab', true],
    // The script or the region decides for languages written both ways.
    ['pa', false],
    ['pa-PK', true],
    ['az', false],
    ['az-IR', true],
    ['sd-Deva', false],
    ['uz-AF', true],
    ['syr', true],
    ['en', false],
    ['fr-CA', false],
    ['zh-Hant-TW', false],
    ['not a tag!', false],
    ['', false],
  ])('%s → %s', (locale, rtl) => {
    expect(isRtl(locale)).toBe(rtl)
  })
})
