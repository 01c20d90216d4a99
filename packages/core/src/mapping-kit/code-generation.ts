import { readOwn } from '../get'
import type { CodeScope, Compiled, Resolver } from './definition'

// Generated code may be refused (a Content-Security-Policy without 'unsafe-eval' in a browser);
// then every caller falls back to closures.
let codeGenerationAllowed: boolean | undefined

export function canGenerateCode(): boolean {
  if (codeGenerationAllowed === undefined) {
    try {
      codeGenerationAllowed = new Function('return 1')() === 1
    } catch {
      codeGenerationAllowed = false
    }
  }
  return codeGenerationAllowed
}

/** JSON.stringify makes any key a safe JavaScript string literal: user text never becomes code. */
export const literal = (text: string): string => JSON.stringify(text)

// What generated path reads use, passed to every generated function under these names.
const runtimeNames = ['own', 'readOwn', 'gp', 'OP']
const runtimeValues = [Object.prototype.hasOwnProperty, readOwn, Object.getPrototypeOf, Object.prototype]

/**
 * Statements walking `keys` from the value in `target`, leaving the result in `target` (`scratch`
 * is a variable they may use). Same walk as path-reader.ts: own properties only, a falsy value met
 * on the way is the result, strings go through readOwn (length and indices).
 *
 * hasOwnProperty is a call the engine cannot inline, so a plain object is read directly: with
 * Object.prototype as its prototype, a value that differs from Object.prototype's is its own.
 * Only a value equal to Object.prototype's (a prototype pollution) is checked with hasOwnProperty.
 * Keys Object.prototype has (`constructor`, `__proto__`, …) always take the hasOwnProperty check.
 */
export function pathReadCode(keys: readonly string[], target: string, scratch: string): string {
  let code = ''
  for (const key of keys) code += stepCode(key, target, scratch)
  return code
}

/** One step of a path walk on `v` (see pathReadCode). */
function stepCode(key: string, v: string, x: string): string {
  let code = ''
  {
    const k = literal(key)
    if (key in Object.prototype) {
      code += ` if (${v}) ${v} = typeof ${v} === 'object' ? (own.call(${v}, ${k}) ? ${v}[${k}] : undefined) : readOwn(${v}, ${k});`
    } else {
      code +=
        ` if (${v}) { if (typeof ${v} === 'object') { ${x} = ${v}[${k}];` +
        ` if (${x} !== undefined && (${v}.constructor !== Object || gp(${v}) !== OP || ${x} === OP[${k}]) && !own.call(${v}, ${k})) ${x} = undefined;` +
        ` ${v} = ${x} } else ${v} = readOwn(${v}, ${k}) }`
    }
  }
  return code
}

/** Builds one generated function `(data) => value` from a body written against a scope. */
export class FunctionBuilder implements CodeScope {
  private readonly names: string[] = []
  private readonly values: unknown[] = []
  private variables = 0
  // Path prefixes already read into a variable by code that always runs, by data and keys.
  private readonly prefixes = new Map<string, string>()
  private branchDepth = 0

  variable(): string {
    return `t${this.variables++}`
  }

  use(value: unknown): string {
    let index = this.values.indexOf(value)
    if (index === -1) index = this.values.push(value) - 1
    const name = `c${index}`
    if (!this.names.includes(name)) this.names.push(name)
    return name
  }

  child(node: Compiled, target: string, data: string): string {
    if (node.emit) return node.emit(target, data, this) + '\n'
    return `${target} = ${this.use(node.resolve)}(${data});\n`
  }

  readPath(keys: readonly string[], target: string, data: string): string {
    // Start from the longest prefix already read; `data` and the keys as JSON cannot collide.
    let start = data
    let done = 0
    for (let length = keys.length - 1; length > 0; length--) {
      const known = this.prefixes.get(JSON.stringify([data, ...keys.slice(0, length)]))
      if (known) {
        start = known
        done = length
        break
      }
    }
    const scratch = this.variable()
    let code = ''
    // Outside branches, each intermediate value gets a variable later reads can start from.
    for (; this.branchDepth === 0 && done < keys.length - 1; done++) {
      const prefix = this.variable()
      code += `${prefix} = ${start};${stepCode(keys[done], prefix, scratch)}\n`
      this.prefixes.set(JSON.stringify([data, ...keys.slice(0, done + 1)]), prefix)
      start = prefix
    }
    return `${code}${target} = ${start};${pathReadCode(keys.slice(done), target, scratch)}`
  }

  branch(write: () => string): string {
    this.branchDepth++
    try {
      return write()
    } finally {
      this.branchDepth--
    }
  }

  /** `body` reads the argument `data` and ends with a return. */
  build(name: string, body: string): Resolver {
    const locals = Array.from({ length: this.variables }, (_, i) => `t${i}`)
    const declarations = locals.length > 0 ? `let ${locals.join(', ')};\n` : ''
    const factory = new Function(
      ...runtimeNames,
      ...this.names,
      `return function ${name}(data) {\n${declarations}${body}\n}`
    )
    return factory(...runtimeValues, ...this.values) as Resolver
  }
}

let copiers = 0

/** Generated statements returning a copy of the array in `value`, objects in it copied by `copyItem`. */
export function arrayCopyCode(copyItem: string): string {
  return `if (Array.isArray(value)) {
    const length = value.length
    const out = new Array(length)
    for (let i = 0; i < length; i++) {
      const item = value[i]
      out[i] = item === null || typeof item !== 'object' ? item : ${copyItem}(item)
    }
    return out
  }`
}

/**
 * A deep copier with the behaviour of `cleanCopy`, as a new function for one place of a mapping:
 * the engine then sees the few object shapes of that place only and can inline the clone and the
 * prototype check, where the shared `cleanCopy` sees every shape of every event.
 */
export function generateCopier(slow: (value: unknown) => unknown, isPlain: (value: unknown) => boolean): Resolver {
  if (!canGenerateCode()) return slow
  // The number makes each source distinct, so no compilation cache hands out a shared function.
  const source = `/* copier ${copiers++} */
return function copy(value) {
  if (value === null || typeof value !== 'object') return value
  ${arrayCopyCode('copy')}
  // Reading \`constructor\` first tells the engine the shapes, so the prototype check folds away.
  if ((value.constructor !== Object || gp(value) !== OP) && !isPlain(value)) return value
  const out = { ...value }
  for (const key in out) {
    if (!own.call(out, key)) continue
    const item = out[key]
    if (item === undefined || key === '__proto__') return slow(value)
    if (item !== null && typeof item === 'object') out[key] = copy(item)
  }
  return out
}`
  return new Function(...runtimeNames, 'slow', 'isPlain', source)(...runtimeValues, slow, isPlain) as Resolver
}

/** A generated reader for one path: its own function, so the engine sees one shape per read. */
export function generateReader(keys: readonly string[]): Resolver | undefined {
  if (!canGenerateCode()) return undefined
  const builder = new FunctionBuilder()
  const scratch = builder.variable()
  return builder.build('readPath', `let v = data;${pathReadCode(keys, 'v', scratch)}\nreturn v`)
}

/** Emits a static path read: `target` gets the value at `keys` of `data`. */
export function emitPath(keys: readonly string[]): NonNullable<Compiled['emit']> {
  return (target, data, scope) => scope.readPath(keys, target, data)
}
