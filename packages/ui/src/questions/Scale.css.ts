// A point too narrow for "10" lets it overflow a little: split into "1" over "0" it misreads.
// Stars not chosen are outlined, not filled: by colour alone (indigo against slate grey) three
// chosen of five look like five to someone who sees no hue. Forced colors repaint the accent that
// marks the selection, but keep system colours.
export const scaleCss = `
.sc{display:flex;gap:4px;overflow-wrap:normal}
.r{flex:1 1 0;min-width:0;height:40px;padding:0;border:1px solid var(--bd);border-radius:calc(var(--r)*.5);background:var(--bg);font-size:14px;font-weight:600;font-variant-numeric:tabular-nums;cursor:pointer}
.r:hover{border-color:var(--ac);background:color-mix(in srgb,var(--ac) 12%,var(--bg))}
.r[aria-checked=true]{border-color:var(--ac);background:var(--ac);color:var(--on)}
.em .r{font-size:24px}
.st{gap:0}
.st .r,.st .r:hover,.st .r[aria-checked=true]{border-color:transparent;background:none;color:transparent;-webkit-text-stroke:1px var(--mu);font-size:30px}
.st .r.on,.st:hover .r{color:var(--ac);-webkit-text-stroke-color:var(--ac)}
.st .r:hover~.r{color:transparent;-webkit-text-stroke-color:var(--mu)}
@media (forced-colors:active){.r[aria-checked=true]{border-color:Highlight;background:Highlight;color:HighlightText}.st .r{color:Canvas;-webkit-text-stroke-color:CanvasText}.st .r.on{color:Highlight;-webkit-text-stroke-color:Highlight}}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:-6px;font-size:12px;color:var(--mu)}
`
