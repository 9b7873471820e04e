/**
 * The URL as a page: a #fragment that is not a hash router's route (#/reports, #!/reports) is an
 * in-page anchor (a table of contents), so a jump to it stays on the same page.
 */
export const pageOf = (url: string) => url.replace(/#(?![!/]).*/, '')
