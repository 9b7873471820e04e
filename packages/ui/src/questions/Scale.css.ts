// A point is never narrower than "10" (split into "1" over "0" it misreads, overflowing it spills
// onto the next), a star or an emoji than itself: past that the scale wraps, in columns, as it
// does on a phone with text at twice the usual size. Its height grows with the text from 40 px.
// Stars not chosen are outlined, not filled: by colour alone (indigo against slate grey) three
// chosen of five look like five to someone who sees no hue. Forced colors repaint the accent that
// marks the selection, but keep system colours; a chosen point (not a star, drawn in Highlight
// with its box like the others) opts out of their repainting, or Chromium draws its number on a
// backplate of Canvas, HighlightText on it a blank patch.
// The words under the high end, wrapped on a phone in a long language, keep to that end, and the
// low end's to its own: by the prompt's direction, not by theirs, which a text in another
// language than the prompt's takes from itself (English words of an Arabic prompt, left to right,
// go under its high end on the left).
export const scaleCss = `
.sc{display:grid;grid-template-columns:repeat(auto-fit,minmax(1.4em,1fr));gap:4px;font-size:calc(14em/15);overflow-wrap:normal}
.r{height:max(40px,1.3em);padding:0;border:1px solid var(--bd);border-radius:calc(var(--r)*.5);background:var(--bg);font-weight:600;font-variant-numeric:tabular-nums;cursor:pointer}
.r:hover{border-color:var(--ac);background:color-mix(in srgb,var(--ac) 12%,var(--bg))}
.r[aria-checked=true]{border-color:var(--ln);background:var(--ac);color:var(--on)}
.em{grid-template-columns:repeat(auto-fit,minmax(1.25em,1fr));font-size:1.6em}
.st{grid-template-columns:repeat(auto-fit,minmax(1em,1fr));gap:0;font-size:2em}
.st .r,.st .r:hover,.st .r[aria-checked=true]{border-color:transparent;background:none;color:transparent;-webkit-text-stroke:1px var(--mu)}
.st .r.on,.st:hover .r{color:var(--ln);-webkit-text-stroke-color:var(--ln)}
.st .r:hover~.r{color:transparent;-webkit-text-stroke-color:var(--mu)}
@media (forced-colors:active){.r[aria-checked=true]:not(.st>*){forced-color-adjust:none;border-color:Highlight;background:Highlight;color:HighlightText;outline-color:Highlight}.st .r{color:Canvas;-webkit-text-stroke-color:CanvasText}.st .r.on{color:Highlight;-webkit-text-stroke-color:Highlight}}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:-6px;font-size:.8em;color:var(--mu)}
.ends>*{text-align:left}.ends>:last-child,[dir=rtl] .ends>*{text-align:right}[dir=rtl] .ends>:last-child{text-align:left}
`
