const dark =
  '--bg:var(--sonde-bg,#18181b);--tx:var(--sonde-text,#f4f4f5);--ac:var(--sonde-accent-dark,var(--sonde-accent,#a5b4fc));--on:var(--sonde-on-accent-dark,var(--sonde-on-accent,#18181b));--ln:var(--ac);color-scheme:dark'

// Text is in em of the host's `medium` (`all: initial`), the user's own default size: 16 px unless
// they chose larger, which the prompt's text follows, as the page's does. Never rem: the host
// page's root font size must not scale it. Its widths stay in px; it scrolls when the text makes it
// taller than the window, and a finger scrolling it past its end (`data-scrolls`) does not scroll
// the page. A prompt lifted above an on-screen keyboard (a sheet on a phone, a bottom corner on a
// tablet) also shrinks by it, or its question goes off the top. `--ln` draws what the accent alone
// marks (the focus ring, what is chosen): where the team's accent stands under 3:1 on the surface,
// themeStyle gives it one that does; buttons keep theirs. Every inner custom property is set here
// (`--kb` to 0, the inline style lifts it): the page's own, inherited through the shadow root, must
// not reach in. Forced colors drop the shadow that outlines the surface and give it the page's
// background: a border keeps its edge. On a narrow screen the modal gives up half its side margin:
// at 320 px eleven NPS points need it to stay 24 px apart (WCAG 2.5.8). Fixed with all four insets,
// an `auto` height stretches to them: the modal takes its content's height and `margin: auto`
// centres it in what the keyboard leaves. A phone's notch, rounded corners and home indicator
// (env(safe-area-inset-*), on a page that extends under them) are kept clear like the keyboard
// (`--s*`): a corner stands off them, a sheet's background runs under the indicator while its
// content stays above it, where a tap is the page's and not the system's. On a page shrunk to fit a
// phone (`data-z`, see zoomedOut) it is a sheet laid out `--z` times smaller than the window and
// drawn `--z` times larger (`scale`, which, unlike `zoom`, leaves vw, vh and its px in the window's
// px).
export const surfaceCss = `
.s{--bg:var(--sonde-bg,#fff);--tx:var(--sonde-text,#1f2937);--ac:var(--sonde-accent,#4f46e5);--ln:var(--sonde-accent-line,var(--ac));--on:var(--sonde-on-accent,#fff);--r:var(--sonde-radius,12px);--kb:0px;--st:env(safe-area-inset-top,0px);--sr:env(safe-area-inset-right,0px);--sl:env(safe-area-inset-left,0px);--sb:max(var(--kb),env(safe-area-inset-bottom,0px));color-scheme:light;
--mu:color-mix(in srgb,var(--tx) 78%,var(--bg));--bd:color-mix(in srgb,var(--tx) 55%,var(--bg));
box-sizing:border-box;position:fixed;inset:auto calc(16px + var(--sr)) calc(16px + var(--sb)) auto;margin:0;padding:0;border:0;z-index:2147483647;
width:min(360px,calc(100vw - 32px));max-width:none;height:auto;max-height:calc(100vh - 32px - var(--st) - var(--sb));overflow:auto;
background:var(--bg);color:var(--tx);border-radius:var(--r);box-shadow:0 8px 32px rgb(0 0 0/.25),0 0 0 1px rgb(0 0 0/.1);
font:400 .9375em/1.45 var(--sonde-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);text-align:start;animation:sonde-in .2s ease-out}
.s *,.s ::before,.s ::after{box-sizing:border-box}
[data-scrolls]{overscroll-behavior:contain}
.s[data-scheme=dark]{${dark}}
@media (prefers-color-scheme:dark){.s[data-scheme=auto]{${dark}}}
.s[data-pos=bottom-left]{inset:auto auto calc(16px + var(--sb)) calc(16px + var(--sl))}
.s[data-pos=top-right]{inset:calc(16px + var(--st)) calc(16px + var(--sr)) auto auto}
.s[data-pos=top-left]{inset:calc(16px + var(--st)) auto auto calc(16px + var(--sl))}
.s[data-pos=bottom]{inset:auto 0 var(--kb);width:100%;padding:0 var(--sr) calc(var(--sb) - var(--kb)) var(--sl);border-radius:var(--r) var(--r) 0 0}
.s[data-pos=bottom]>.c{max-width:640px;margin:auto}
.s[data-pos=center]{inset:var(--st) var(--sr) var(--sb) var(--sl);height:fit-content;margin:auto;width:min(440px,calc(100vw - 32px))}
.s:modal::backdrop{background:rgb(0 0 0/.45)}
.s:not(:modal)::backdrop{background:none}
@media (max-width:479.98px){.s:not([data-pos=center]){inset:auto 0 var(--kb);width:100%;padding:0 var(--sr) calc(var(--sb) - var(--kb)) var(--sl);max-height:calc(85vh - var(--kb));border-radius:var(--r) var(--r) 0 0}.s[data-pos=center]{width:calc(100vw - 16px)}}
.s[data-z]:not([data-pos=center]){inset:auto auto var(--kb) 0;width:calc(100% / var(--z));max-height:calc((85vh - var(--kb)) / var(--z));border-radius:var(--r) var(--r) 0 0;scale:var(--z);transform-origin:0 100%}
.s[data-z][data-pos=center]{width:calc(100% / var(--z) - 16px);max-height:calc(100vh / var(--z) - 32px);scale:var(--z)}
@keyframes sonde-in{from{opacity:0;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){.s{animation:none}}
@media (forced-colors:active){.s{border:1px solid}}
`
