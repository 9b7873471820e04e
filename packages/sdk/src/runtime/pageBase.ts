/**
 * The page's base URL, which a relative endpoint or config URL resolves against, as Node's own
 * getter gives it: a visitor's <img name="baseURI"> (in a comment, a profile: a name passes many
 * sanitizers) names itself on the document before the built-in property, and resolving against
 * the element throws for every URL, so Sonde refused its endpoint on any page showing one.
 */
export const pageBase = (): string => Reflect.get(Node.prototype, 'baseURI', document)
