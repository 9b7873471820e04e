// One constructed sheet per distinct CSS text: every survey root shares one, every tour root
// another (a single cached sheet would give a tour the survey's rules).
const sheets = new Map<string, CSSStyleSheet>()

/**
 * Styles a shadow root with one constructed sheet shared by every mount of the same CSS (allowed
 * under a strict `style-src`, since no markup is parsed), or else a `<style>` element carrying
 * the CSP nonce: `nonce`, or the one the page's scripts carry.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): void {
  try {
    let sheet = sheets.get(css)
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      sheets.set(css, sheet)
    }
    root.adoptedStyleSheets = [sheet]
    return
  } catch {
    // No constructable stylesheets (older Safari, some test DOMs): use a <style> element.
  }
  const style = document.createElement('style')
  // A policy that lets styles in by nonce gives the page's scripts the same one (the script tag
  // that loaded Sonde among them): taken from there unless given. Browsers hide the attribute's
  // value, not the property.
  style.nonce = nonce ?? document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''
  style.textContent = css
  root.append(style)
}
