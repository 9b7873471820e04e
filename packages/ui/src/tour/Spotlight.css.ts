// The overlay spans the viewport; only the dimmed path takes pointer events, so the hole around
// the target lets clicks through. The highest z-index minus one matters only without popovers.
// Dimming a high-contrast theme's black page with black shows nothing: there the hole is ringed.
export const spotlightCss = `
.ov{position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;
padding:0;border:0;background:none;overflow:hidden;pointer-events:none;z-index:2147483646}
.ov>svg{display:block;will-change:transform}
.ov path{fill:rgb(0 0 0/.5);pointer-events:auto}
@media (forced-colors:active){.ov path{stroke:Highlight;stroke-width:3px}}
`
