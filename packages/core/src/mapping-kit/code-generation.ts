import { readOwn } from '../get'

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

/** What generated path reads use, passed in as parameters (`runtimeNames` order). */
export const runtimeNames = ['own', 'readOwn', 'gp', 'OP'] as const
export const runtimeValues = [Object.prototype.hasOwnProperty, readOwn, Object.getPrototypeOf, Object.prototype]

/**
 * Statements walking `keys` from `v`, leaving the result in `v` (uses a scratch variable `x`).
 * Same walk as path-reader.ts: own properties only, a falsy value met on the way is the result,
 * strings go through readOwn (length and indices).
 *
 * hasOwnProperty is a call the engine cannot inline, so a plain object is read directly: with
 * Object.prototype as its prototype, a value that differs from Object.prototype's is its own.
 * Only a value equal to Object.prototype's (a prototype pollution) is checked with hasOwnProperty.
 * Keys Object.prototype has (`constructor`, `__proto__`, …) always take the hasOwnProperty check.
 */
export function pathReadCode(keys: readonly string[]): string {
  let code = ''
  for (const key of keys) {
    const k = literal(key)
    if (key in Object.prototype) {
      code += ` if (v) v = typeof v === 'object' ? (own.call(v, ${k}) ? v[${k}] : undefined) : readOwn(v, ${k});`
    } else {
      code +=
        ` if (v) { if (typeof v === 'object') { x = v[${k}];` +
        ` if (x !== undefined && (gp(v) !== OP || x === OP[${k}]) && !own.call(v, ${k})) x = undefined; v = x }` +
        ` else v = readOwn(v, ${k}) }`
    }
  }
  return code
}

/** A generated reader for one path: its own function, so the engine sees one shape per read. */
export function generateReader(keys: readonly string[]): ((data: unknown) => unknown) | undefined {
  if (!canGenerateCode()) return undefined
  const factory = new Function(
    ...runtimeNames,
    `return function readPath(data) {\nlet v = data, x;${pathReadCode(keys)}\nreturn v\n}`
  )
  return factory(...runtimeValues) as (data: unknown) => unknown
}
