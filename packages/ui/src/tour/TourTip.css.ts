// Builds on the survey surface (`.s`: theme properties, colour scheme, shadow, entrance motion,
// bottom sheet under 480 px) and the prompt's title, body and buttons; `.t` only re-anchors it.
// Its buttons, the only way on or out of the tour, stay at the bottom of a tooltip too short for
// its text (a phone held sideways), over the text that scrolls under them. The content is a flex
// item of the open tooltip, so it scrolls within the tooltip's own padding (a sheet's safe areas)
// and border (forced colors); a max-height inherited whole ran past both. Forced colors paint
// the arrow in Canvas, lost on the page's Canvas: it is outlined there, under the content's own
// Canvas, so only its point outside the tooltip shows, in the tooltip's border.
export const tourTipCss = `
.t{inset:auto;width:min(320px,calc(100vw - 16px));overflow:visible}
.t:is([open],:popover-open,[data-fallback]){display:flex;flex-direction:column}
.t>.c{overflow:auto;border-radius:inherit}
.t[data-pos=center]{inset:0;height:fit-content;margin:auto}
.t[data-pos=sheet][data-top]{inset:0 0 auto;padding:var(--st) var(--sr) 0 var(--sl);border-radius:0 0 var(--r) var(--r)}
.t[data-z][data-top]{inset:0 auto auto 0;transform-origin:0 0}
.t::backdrop{background:none}
.t .q{padding-inline-end:0}
.t .ft{flex-wrap:wrap;position:sticky;bottom:-16px;margin:0 -16px -16px;padding:8px 16px 16px;background:var(--bg)}
.tc{margin:0;font-size:.8em;color:var(--mu)}
.sk{margin-inline-end:auto}
.ar{position:absolute;width:12px;height:12px;background:var(--bg);transform:rotate(45deg);
pointer-events:none}
@media (forced-colors:active){.ar{border:1px solid;z-index:-1}.t>.c{background:Canvas}}
`
