// A cross-site scripting corpus in the style of the OWASP cheat sheets, for the security sweep
// (xss.e2e.ts). Every payload that could run calls `__xss(n)` with its own number, or opens a
// native dialog (alert/confirm/prompt), so an execution anywhere is seen and named. The rest are
// strings that would do harm if Sonde treated text as a template, a URL or markup (markdown,
// `{placeholders}`, `$&` replacement patterns, entity- and URL-encoded markup).
//
// Sonde renders no links (DESIGN.md, "Rendering": survey text is text), so the `javascript:` and
// markdown entries check that nothing turns text into one.

const b64 = (text: string) => Buffer.from(text).toString('base64')

/** Each entry makes the payload for its number `n`. */
const makers: ((n: number) => string)[] = [
  // Script elements, plain and disguised.
  (n) => `<script>__xss(${n})</script>`,
  (n) => `<ScRiPt>__xss(${n})</sCrIpT>`,
  (n) => `<script src="data:text/javascript,__xss(${n})"></script>`,
  (n) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`,
  (n) => `<template><script>__xss(${n})</script></template>`,
  (n) => `\\x3cscript\\x3e__xss(${n})\\x3c/script\\x3e`,
  // Event handlers on elements that fire them by themselves.
  (n) => `<img src=x onerror=__xss(${n})>`,
  (n) => `<img src="x" onerror="__xss(${n})">`,
  (n) => `<img/src/onerror=__xss(${n})>`,
  (n) => `<<img src=x onerror=__xss(${n})//<`,
  (n) => `<svg onload=__xss(${n})>`,
  (n) => `<svg><script>__xss(${n})</script></svg>`,
  (n) => `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s>`,
  (n) => `<body onload=__xss(${n})>`,
  (n) => `<details open ontoggle=__xss(${n})>`,
  (n) => `<input autofocus onfocus=__xss(${n})>`,
  (n) => `<video><source onerror=__xss(${n})></video>`,
  (n) => `<audio src=x onerror=__xss(${n})>`,
  (n) => `<marquee onstart=__xss(${n})>x</marquee>`,
  (n) => `<x contenteditable autofocus onfocusin=__xss(${n})>x</x>`,
  (n) => `<img src=x onerror=eval(atob('${b64(`__xss(${n})`)}'))>`,
  (n) => `<img src=x onerror=&#95;&#95;xss(${n})>`,
  (n) => `<img src=x onerror="&#x5f;&#x5f;xss&#x28;${n}&#x29;">`,
  // Classic proofs that open a dialog.
  (n) => `<img src=x onerror=alert(${n})>`,
  (n) => `<svg onload=confirm(${n})>`,
  (n) => `<iframe onload=prompt(${n})>`,
  // Frames, objects and other documents.
  (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n) => `<iframe src="javascript:parent.__xss(${n})"></iframe>`,
  (n) => `<iframe src="data:text/html;base64,${b64(`<script>parent.__xss(${n})</script>`)}">`,
  (n) => `<object data="javascript:__xss(${n})"></object>`,
  (n) => `<embed src="javascript:__xss(${n})">`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  (n) => `<base href="javascript:__xss(${n})//">`,
  (n) => `<form><button formaction="javascript:__xss(${n})">go</button></form>`,
  (n) => `<link rel=stylesheet href="javascript:__xss(${n})">`,
  (n) => `<div style="background:url(javascript:__xss(${n}))">x</div>`,
  // URLs, in case any text ends up as an href or a src.
  (n) => `javascript:__xss(${n})`,
  (n) => `JaVaScRiPt:__xss(${n})`,
  (n) => `java\tscript:__xss(${n})`,
  (n) => `data:text/html,<script>parent.__xss(${n})</script>`,
  (n) => `<a href="javascript:__xss(${n})">click</a>`,
  // Breaking out of an attribute, an element or a raw-text context.
  (n) => `"><img src=x onerror=__xss(${n})>`,
  (n) => `'><svg onload=__xss(${n})>`,
  (n) => `" autofocus onfocus="__xss(${n})" x="`,
  (n) => `' autofocus onfocus='__xss(${n})`,
  (n) => `</textarea><img src=x onerror=__xss(${n})>`,
  (n) => `</title></style></script><img src=x onerror=__xss(${n})>`,
  // Mutation XSS: markup that changes meaning when parsed twice.
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  (n) => `<!--<img src="--><img src=x onerror=__xss(${n})//">`,
  (n) => `<select><style></select><img src=x onerror=__xss(${n})></style>`,
  // Encoded markup, harmful only if something decodes it first.
  (n) => `&lt;img src=x onerror=__xss(${n})&gt;`,
  (n) => `&#60;img src=x onerror=__xss(${n})&#62;`,
  (n) => `%3Cimg%20src%3Dx%20onerror%3D__xss(${n})%3E`,
  // Templates and format strings: `{q}` and `{n}` are the UI strings' own placeholders.
  (n) => `\${__xss(${n})}`,
  (n) => `{{constructor.constructor('__xss(${n})')()}}`,
  (n) => `{q} {n} {total} $& $' $\` __xss(${n})`,
  // Markdown, in case any text is ever read as it.
  (n) => `[click](javascript:__xss(${n}))`,
  (n) => `![x](x" onerror="__xss(${n}))`,
  (n) => `<https://example.com" onmouseover="__xss(${n})>`,
  // Invisible and direction-changing characters around markup.
  (n) => `\u2028\u2029<img src=x onerror=__xss(${n})>`,
  (n) => `\u202e<img src=x onerror=__xss(${n})>\u202c`,
]

/** The payloads; the one at index `i` calls `__xss(i)` or opens a dialog showing `i`. */
export const payloads: readonly string[] = makers.map((make, n) => make(n))
