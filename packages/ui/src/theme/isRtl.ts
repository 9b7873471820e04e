const rtl = new Set(['ar', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi'])

/** Whether `locale` is written right to left (by its primary language subtag). */
export function isRtl(locale: string): boolean {
  return rtl.has((locale.split('-')[0] ?? '').toLowerCase())
}
