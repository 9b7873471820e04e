// @ts-check
// DOM helpers. Text only ever goes in through text nodes and textContent: survey answers are
// typed by end users, and nothing here may be read as HTML.

/**
 * Creates an element with attributes and children; strings become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | undefined>} [attributes]
 * @param {Array<Node | string | null | undefined>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) {
    if (child === null || child === undefined) continue
    element.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return element
}

/**
 * Replaces an element's children.
 * @param {Element} parent
 * @param {Array<Node | string>} children
 */
export function fill(parent, children) {
  parent.replaceChildren(...children)
}

/**
 * The element with this id, typed; throws when the page lacks it (a bug, not a user error).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const element = document.getElementById(id)
  if (!(element instanceof type)) throw new Error(`#${id} is missing`)
  return element
}
