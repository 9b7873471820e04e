// `!important` inside the shadow tree beats the host page's `!important` (the inner context wins
// for important declarations), so `* { all: unset !important }` on the page cannot reach us.
// `contents`: the host makes no box, so a flex or grid page never gets an extra item or gap.
export const hostCss = `
:host{all:initial!important;display:contents!important}
sonde-ui{display:contents}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`
