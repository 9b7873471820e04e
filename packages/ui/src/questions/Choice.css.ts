// A text field takes the direction of what is typed in it, line by line (an Arabic answer in an
// English prompt runs right to left), and the prompt's while empty: dir=auto would turn an empty
// field of an Arabic prompt left to right. Its placeholder takes the direction of its own text:
// one in English only, in an Arabic prompt, read "...Tell us more", its ellipsis carried to its
// start. Its text is 16 px at the usual size, the prompt's 15 px would make Safari on iOS zoom
// the page in as it is focused (and leave it zoomed).
export const choiceCss = `
.ch{display:flex;flex-direction:column;gap:6px;min-width:0;margin:0;padding:0;border:0}
.o{display:flex;align-items:center;gap:10px;width:100%;min-height:40px;padding:8px 12px;border:1px solid var(--bd);border-radius:calc(var(--r)*.5);background:var(--bg);text-align:start;cursor:pointer}
.o:hover{border-color:var(--ac)}
.o[aria-checked=true],.o:has(:checked){border-color:var(--ln);box-shadow:inset 0 0 0 1px var(--ln)}
.dot{flex:none;width:16px;height:16px;border:2px solid var(--bd);border-radius:50%}
.o[aria-checked=true] .dot{border:5px solid var(--ln)}
.o input{flex:none;width:16px;height:16px;accent-color:var(--ln)}
.in{display:block;width:100%;padding:8px 10px;font-size:calc(16em/15);border:1px solid var(--bd);border-radius:calc(var(--r)*.5);background:var(--bg)}
.in,.in::placeholder{unicode-bidi:plaintext}
textarea.in{min-height:88px;resize:vertical}
.cnt{margin-top:4px;font-size:.8em;color:var(--mu);text-align:end}
`
