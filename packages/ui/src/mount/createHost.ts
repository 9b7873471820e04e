import { adoptStyles } from './adoptStyles'

export interface Host {
  host: HTMLElement
  root: ShadowRoot
  /** The element Preact renders into, inside the shadow root. */
  mount: HTMLElement
}

/**
 * Creates the host element with an open shadow root (testing tools and assistive tech must see
 * inside) and appends it to `container`. A custom element name, so host rules aimed at `div` or
 * `section` never match it.
 */
export function createHost(css: string, container: Element, nonce?: string): Host {
  const host = document.createElement('sonde-root')
  const root = host.attachShadow({ mode: 'open' })
  adoptStyles(root, css, nonce)
  // Preact owns this element's children; the fallback <style> beside it stays untouched.
  const mount = document.createElement('sonde-ui')
  root.append(mount)
  container.append(host)
  return { host, root, mount }
}
