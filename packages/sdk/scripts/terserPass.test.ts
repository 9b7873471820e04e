import { describe, expect, it } from 'vitest'
import {
  type PassOptions,
  readsRenamed,
  renamedProperties,
  scriptProperties,
  terserPass,
} from './terserPass'

type Hook = (options: { format: string }, bundle: Record<string, unknown>) => Promise<void>

async function pass(code: string, format: string, banner?: string, own?: PassOptions) {
  const chunk = { type: 'chunk', fileName: 'x.js', code }
  const asset = { type: 'asset', fileName: 'x.css', source: 'a { b: c }' }
  await (terserPass(banner, own).generateBundle as unknown as Hook)({ format }, { chunk, asset })
  return { chunk, asset }
}

describe('terserPass', () => {
  it('folds what a first minification left, keeping behaviour and exports', async () => {
    const code = 'const a=1;const b=2;export function f(x){if(x){return a}else{return b}}'
    const { chunk, asset } = await pass(code, 'es')
    expect(chunk.code.length).toBeLessThan(code.length)
    expect(chunk.code).toBe('export function f(n){return n?1:2}')
    expect(asset.source).toBe('a { b: c }')
  })

  it('puts the banner back on top of a classic script', async () => {
    const { chunk } = await pass('!function(){var x=1;globalThis.y=x}()', 'iife', '//# hint')
    expect(chunk.code.startsWith('//# hint\n')).toBe(true)
    expect(chunk.code).toContain('globalThis.y=1')
  })

  it("shortens Preact's private properties alike in every ES chunk, and nothing else", async () => {
    const hook = terserPass().generateBundle as unknown as Hook
    const ui = {
      type: 'chunk',
      fileName: 'ui.js',
      code: 'export function a(n){n.__k=n.__=1;n.__html=2;n.__source=3;n.__self=4;n.__dirty=5;return n}',
    }
    const tour = {
      type: 'chunk',
      fileName: 'tour.js',
      code: 'export function b(n){return n.__k+n.__}',
    }
    await hook({ format: 'es' }, { ui, tour })
    const [, k, root] = /n\.(\w+)=n\.(\w+)=1/.exec(ui.code) ?? []
    expect(k).toBeDefined()
    expect(k).not.toMatch(/^__/)
    expect(root).not.toMatch(/^__/)
    expect(ui.code).toContain('.__html=2')
    expect(ui.code).toContain('.__dirty=5')
    // What Preact's JSX would tell its devtools in development, never set here: shortened too.
    expect(ui.code).toMatch(/n\.\w{1,2}=3;n\.\w{1,2}=4;/)
    expect(tour.code).toBe(`export function b(n){return n.${k}+n.${root}}`)
    const { chunk } = await pass('globalThis.x=function(n){return n.__k}', 'iife')
    expect(chunk.code).toContain('.__k')
  })

  it("shortens the names of Preact's class components and options hooks alike, none of Sonde's", async () => {
    const hook = terserPass().generateBundle as unknown as Hook
    const shared = {
      type: 'chunk',
      fileName: 'shared.js',
      code:
        'export function a(n,o){if(n.shouldComponentUpdate)n.componentDidMount();' +
        'o.vnode&&o.vnode(n);n.setState({});return n.render+n.props+n.state}',
    }
    const ui = {
      type: 'chunk',
      fileName: 'ui.js',
      code: 'export function b(n){return n.shouldComponentUpdate}',
    }
    await hook({ format: 'es' }, { shared, ui })
    const [, update = '', mount = '', hooked = '', set = ''] =
      /n\.(\w+)&&n\.(\w+)\(\);\w\.(\w+)&&\w\.\3\(n\);n\.(\w+)\(\{\}\)/.exec(shared.code) ?? []
    for (const name of [update, mount, hooked, set]) expect(name).toMatch(/^\w{1,2}$/)
    // A component's props too (Sonde's components take theirs as their argument), not the rest.
    expect(shared.code).toMatch(/return n\.render\+n\.\w{1,2}\+n\.state/)
    expect(ui.code).toBe(`export function b(n){return n.${update}}`)
  })

  it("shortens the survey components' own props alike, after the names of the chunks they import", async () => {
    const shared = () => ({
      type: 'chunk',
      fileName: 'shared.js',
      isEntry: false,
      code: 'export function a(n){return n.__k+n.__e+n.vnode}',
    })
    const ui = () => ({
      type: 'chunk',
      fileName: 'ui.js',
      isEntry: true,
      code:
        'export function b(n){return{titleId:n,isLast:!0,onChoose(){},onSelect(){}}}' +
        'export function c(n){return n.titleId+n.onChoose()+n.onSelect()}',
    })
    const alone = shared()
    await (terserPass().generateBundle as unknown as Hook)({ format: 'es' }, { alone })
    const first = ui()
    const after = shared()
    await (terserPass().generateBundle as unknown as Hook)({ format: 'es' }, { first, after })
    // The shared chunk's names are the same whatever entries the build has.
    expect(after.code).toBe(alone.code)
    const [, title = '', choose = ''] =
      /\{(\w+):\w,\w+:!0,(\w+)\(\)\{\},onSelect/.exec(first.code) ?? []
    for (const name of [title, choose]) expect(name).toMatch(/^\w{1,2}$/)
    expect(first.code).toMatch(
      new RegExp(`return \\w\\.${title}\\+\\w\\.${choose}\\(\\)\\+\\w\\.onSelect\\(\\)`),
    )
  })

  it("shortens the outbox store's own operations alike where it is made and where it is used", async () => {
    const hook = terserPass().generateBundle as unknown as Hook
    const queue = {
      type: 'chunk',
      fileName: 'queue.js',
      isEntry: false,
      code: 'export function q(){return{getMeta(k){return k},degraded:()=>!1,put(r){return r}}}',
    }
    const outbox = {
      type: 'chunk',
      fileName: 'outbox.js',
      isEntry: false,
      code: 'export function o(s){return s.degraded()||s.getMeta("sending")+s.put(1)}',
    }
    await hook({ format: 'es' }, { queue, outbox })
    expect(queue.code + outbox.code).not.toMatch(/getMeta|degraded/)
    expect(outbox.code).toContain('.put(1)')
    // Made in one chunk, called in the other: the names still meet.
    const both = `${queue.code}${outbox.code}`.replaceAll('export ', '')
    expect(new Function(`${both};return o(q())`)()).toBe('sending1')
  })

  it('spells each name a chunk imports or exports once, as the other chunk does', async () => {
    const code =
      'import{A as add,u as one}from"./shared.js";import{u as two}from"./queue.js";' +
      'function total(n){return add(n,one)+two(n)}function half(n){return n/2}' +
      'export{total as B,one as link,half as in}'
    const { chunk } = await pass(code, 'es')
    const [imports = '', two = ''] =
      /^import\{A,u\}from"\.\/shared\.js";import\{u as (\w)\}from"\.\/queue\.js";/.exec(
        chunk.code,
      ) ?? []
    expect(two).not.toBe('')
    expect(chunk.code).toMatch(/function B\(\w\)\{return A\(\w,u\)\+\w\(\w\)\}/)
    // Taken (u), or not a name a binding can have (in): given as before.
    expect(chunk.code).toMatch(/export\{B,u as link,\w as in\};?$/)
    const body = chunk.code.slice(imports.length).replace(/export\{.*$/, 'return B')
    const add = (n: number, m: number) => n + m
    const total = new Function('A', 'u', two, body)(add, 1, (n: number) => n * 10)
    expect(total(2)).toBe(23)
  })
  it("writes an object's functions as methods in the ES chunks, where none is called with new", async () => {
    const code = 'export const o={b:async n=>{await n;return 2},c:n=>n*3,d:n=>{n.x=this;return n}}'
    const { chunk } = await pass(code, 'es')
    expect(chunk.code).toMatch(/\{async b\((\w)\)\{await \1;return 2\}/)
    // An arrow with no body to make a method of, or that reads `this` (the module's), stays.
    expect(chunk.code).toMatch(/c:(\w)=>3\*\1/)
    expect(chunk.code).toMatch(/d:(\w)=>\{\1\.x=this;return \1\}/)
    const { chunk: script } = await pass('globalThis.o={b:n=>{n.x=1;return n}}', 'iife')
    expect(script.code).toMatch(/\{b:(\w)=>\{\1\.x=1;return \1\}\}/)
  })
})

describe("terser's unsafe folds", () => {
  it('join a value to a string in sonde.js as a concatenation, in the ES chunks as a template', async () => {
    const code = `globalThis.f=(n,s)=>[\`[sonde] \${n}\`,String(s),new RegExp(n)]`
    const { chunk: script } = await pass(code, 'iife')
    expect(script.code).toContain('"[sonde] "+')
    expect(script.code).not.toContain('String(')
    expect(script.code).not.toContain('new RegExp')
    const f = new Function(`var globalThis={};${script.code};return globalThis.f`)()
    expect(f('a.b', 12)).toEqual(['[sonde] a.b', '12', /a.b/])
    const { chunk: es } = await pass(`export ${code.replace('globalThis.f=', 'const f=')}`, 'es')
    expect(es.code).toContain(`\`[sonde] \${`)
  })
})

describe("sonde.js's own property names", () => {
  // The parts createSonde wires together, as the bundler leaves them: the presenter's and the
  // prompter's names shortened, the page's `window.sonde` and what a chunk reads kept whole.
  const code =
    '!function(){var p={cancelPending(){return 1},current:()=>null},' +
    'q={presenter:p,onRoute:u=>u,pageView:!0};' +
    'globalThis.r=[q.presenter.cancelPending(),q.onRoute(2),"pageView"in q,q.presenter.current()]}()'

  it('shortens them in sonde.js, where it asks, alike where they are made, read and tested', async () => {
    const { chunk } = await pass(code, 'iife', undefined, { ownProperties: scriptProperties })
    expect(readsRenamed(chunk.code, scriptProperties)).toEqual([])
    expect(chunk.code).toContain('.current()')
    const r = new Function(`var globalThis={};${chunk.code};return globalThis.r`)()
    expect(r).toEqual([1, 2, true, null])
    const { chunk: stub } = await pass(code, 'iife')
    expect(readsRenamed(stub.code, scriptProperties)).toEqual([
      'cancelPending',
      'presenter',
      'onRoute',
      'pageView',
    ])
  })

  it('are names no chunk renames, nor the API, the options or what is stored', () => {
    for (const name of ['track', 'endpoint', 'debug', 'state', 'session', 'runtime', 'sending'])
      expect(scriptProperties).not.toContain(name)
    expect(scriptProperties.filter((name) => renamedProperties.includes(name))).toEqual([])
  })
})

describe('readsRenamed', () => {
  it.each([
    ['e.props.a', ['props']],
    ['({degraded:!0})', ['degraded']],
    ['{a:1,getMeta(){}}', ['getMeta']],
    ['a.propsX;b.props$', []],
    ['"props";let unmount=1', []],
    ['a.isLast||b.onEscape()', ['isLast', 'onEscape']],
  ])('finds in %s %j', (code, names) => {
    expect(readsRenamed(code)).toEqual(names)
  })

  it("finds sonde.js's own where asked", () => {
    expect(readsRenamed('a.presenter.busy()', scriptProperties)).toEqual(['busy', 'presenter'])
    expect(readsRenamed('a.presenter.busy()')).toEqual([])
  })

  it('has nothing to find in names the chunks keep', () => {
    expect(renamedProperties).not.toContain('track')
    expect(readsRenamed('s.track(),s.identify(),o.endpoint')).toEqual([])
  })
})
