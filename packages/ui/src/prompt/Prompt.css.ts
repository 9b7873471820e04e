// `anywhere`, not `break-word`: a flex item's minimum width shrinks too, so a long word or
// URL in an option or heading wraps instead of widening the prompt. A part in another language
// than the surface's (a fallback) takes its direction from its own text: English shown in an
// Arabic prompt must not end "?…" on the left. Forced colors paint both backgrounds of the
// progress bar in Canvas: its fill takes the text colour and its track an outline. They give a
// disabled button the theme's own GrayText, meant to be read: not faded by half as well.
export const promptCss = `
.c{position:relative;display:flex;flex-direction:column;gap:12px;padding:16px;overflow-wrap:anywhere}
.s [lang]{unicode-bidi:plaintext}
:where(.s) :is(button,input,textarea){font:inherit;color:inherit;margin:0}
:where(.s) ::placeholder{color:var(--mu);opacity:1}
.s :focus-visible{outline:2px solid var(--ln);outline-offset:2px}
.q{margin:0;padding-inline-end:28px;font-size:calc(16em/15);font-weight:600;line-height:1.35}
.d{margin:0;color:var(--mu);font-size:calc(14em/15)}
.x{position:absolute;top:8px;inset-inline-end:8px;width:32px;height:32px;padding:0;border:0;border-radius:8px;background:none;color:var(--mu);font-size:22px;line-height:1;cursor:pointer}
.x:hover{background:color-mix(in srgb,var(--tx) 10%,var(--bg))}
.pg{display:flex;align-items:center;gap:8px;padding-inline-end:28px;font-size:.8em;color:var(--mu)}
.bar{flex:1;height:4px;border-radius:2px;background:color-mix(in srgb,var(--tx) 15%,var(--bg));overflow:hidden}
.bar>i{display:block;height:100%;background:var(--ac)}
.ft{display:flex;justify-content:flex-end;gap:8px}
.b{min-height:36px;padding:6px 16px;border:1px solid var(--ac);border-radius:calc(var(--r)*.6);background:var(--ac);color:var(--on);font-weight:600;cursor:pointer}
.b.alt{border-color:var(--bd);background:none;color:var(--tx)}
.b:disabled{opacity:.5;cursor:not-allowed}
.ty{outline:0}
@media (forced-colors:active){.bar{outline:1px solid}.bar>i{background:CanvasText}.b:disabled{opacity:1}}
`
