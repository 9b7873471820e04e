/**
 * Whether the tab is hidden. `=== true`: a visitor's <img name="hidden"> (in a comment, a
 * profile) names itself on the document, and an element there read as a hidden tab on every page.
 */
export const isHidden = (win: Window): boolean => win.document.hidden === true
