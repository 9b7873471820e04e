// An email address: a local part of at most 64 characters (RFC 5321), a bound that keeps the
// search linear in the title's length, an @ and a domain ending in a name (not preact@10.5.0).
const EMAILS = /[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi

/**
 * The page title as Sonde may send it: an email address in it reads `:email`, as webmail and
 * admin tools name the signed-in visitor there ("Inbox (3) - ann@example.com - Mail").
 */
export const redactTitle = (title: string): string => title.replace(EMAILS, ':email')
