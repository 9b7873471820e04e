/**
 * The key event belongs to an IME composition (Japanese, Chinese, Korean…): its Enter confirms a
 * word and its Escape cancels one, neither is a command. Safari sends the Enter that ends one
 * after `compositionend`, with only keyCode 229 to tell.
 */
export const composing = (event: KeyboardEvent): boolean =>
  event.isComposing || event.keyCode === 229
