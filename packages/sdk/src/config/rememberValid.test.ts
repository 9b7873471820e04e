import { describe, expect, it } from 'vitest'
import { memoryKeyValue } from '../context/keyValue'
import { isRemembered, remember } from './rememberValid'

describe('remember', () => {
  it('remembers per SDK version, the most recent few', () => {
    const kv = memoryKeyValue()
    remember(kv, 'k1', '1.0.0')
    expect(isRemembered(kv, 'k1', '1.0.0')).toBe(true)
    expect(isRemembered(kv, 'k1', '1.0.1')).toBe(false)
    expect(isRemembered(kv, 'k2', '1.0.0')).toBe(false)
    for (let i = 2; i <= 9; i++) remember(kv, `k${i}`, '1.0.0')
    expect(isRemembered(kv, 'k9', '1.0.0')).toBe(true)
    expect(isRemembered(kv, 'k2', '1.0.0')).toBe(true)
    expect(isRemembered(kv, 'k1', '1.0.0')).toBe(false)
  })
})
