let shared: CSSStyleSheet | null = null

/**
 * Styles a shadow root with one constructed sheet shared by every mount (allowed under a strict
 * `style-src`, since no markup is parsed), or else a `<style>` element carrying the CSP nonce.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): void {
  try {
    if (!shared) {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      shared = sheet
    }
    root.adoptedStyleSheets = [shared]
    return
  } catch {
    // No constructable stylesheets (older Safari, some test DOMs): use a <style> element.
  }
  const style = document.createElement('style')
  if (nonce) style.nonce = nonce
  style.textContent = css
  root.append(style)
}
