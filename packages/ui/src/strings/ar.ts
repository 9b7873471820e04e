import type { Strings } from './types'

export const strings: Strings = {
  next: 'التالي',
  submit: 'إرسال',
  close: 'إغلاق',
  skip: 'تخطي',
  thanks: 'شكرًا لك!',
  thanksBody: 'تساعدنا ملاحظاتك على التحسّن.',
  announce: 'استطلاع: {q}',
  progress: 'السؤال {n} من {total}',
  remaining: 'الأحرف المتبقية: {n}',
  other: 'أخرى',
  otherLabel: 'يُرجى التحديد',
  npsLow: 'غير محتمل على الإطلاق',
  npsHigh: 'محتمل للغاية',
  agree: [
    'لا أوافق بشدة',
    'لا أوافق',
    'لا أوافق إلى حد ما',
    'محايد',
    'أوافق إلى حد ما',
    'أوافق',
    'أوافق بشدة',
  ],
  satisfied: ['غير راضٍ جدًا', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جدًا'],
  // Names start with the digit, as every scale's do, so "4" finds the fourth star in any language.
  stars: {
    zero: '{n} نجوم',
    one: '{n} نجمة',
    two: '{n} نجمتان',
    few: '{n} نجوم',
    many: '{n} نجمة',
    other: '{n} نجمة',
  },
}
