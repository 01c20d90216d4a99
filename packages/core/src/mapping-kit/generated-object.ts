import { readOwn } from '../get'
import { cleanCopy } from '../remove-undefined'
import type { Resolver } from './definition'

/** One key of an object mapping: either a static `@path` read, inlined, or a compiled resolver. */
export type ObjectEntry =
  | { key: string; kind: 'path'; pathKeys: readonly string[] }
  | { key: string; kind: 'resolver'; resolve: Resolver; fresh: boolean }

// Generated code may be refused (a Content-Security-Policy without 'unsafe-eval' in a browser);
// then the closure-based builder in compile.ts is used instead.
let codeGenerationAllowed: boolean | undefined

function canGenerateCode(): boolean {
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
const literal = (text: string): string => JSON.stringify(text)

function pathReadCode(pathKeys: readonly string[]): string {
  // Same walk as path-reader.ts: own properties only, a falsy value met on the way is the result,
  // strings go through readOwn (length and indices).
  let code = 'v = data;'
  for (const key of pathKeys) {
    const k = literal(key)
    code += ` if (v) v = typeof v === 'object' ? (own.call(v, ${k}) ? v[${k}] : undefined) : readOwn(v, ${k});`
  }
  return code
}

/**
 * Builds the resolver of an object mapping as one generated function: constant keys give the
 * result a stable shape, static paths are read inline, and only object values are deep-copied.
 * Returns undefined where code generation is not allowed.
 */
export function generateObjectResolver(
  entries: readonly ObjectEntry[],
  keepUndefinedKeys: boolean
): Resolver | undefined {
  if (!canGenerateCode()) return undefined
  const resolvers: Resolver[] = []
  let body = 'let v;\n'
  const names: string[] = []
  entries.forEach((entry, index) => {
    let copy = false
    if (entry.kind === 'path') {
      body += pathReadCode(entry.pathKeys) + '\n'
      copy = true
    } else {
      resolvers.push(entry.resolve)
      body += `v = r[${resolvers.length - 1}](data);\n`
      copy = !entry.fresh
    }
    const name = `v${index}`
    names.push(name)
    body += `const ${name} = ${copy ? `v === null || typeof v !== 'object' ? v : copy(v)` : 'v'};\n`
  })
  // An object literal gets all its properties in-object; adding more than a handful of keys one by
  // one to `{}` turns the object into a slow dictionary. So the literal is the common path.
  const literalObject = `{ ${entries.map((entry, index) => `${literal(entry.key)}: ${names[index]}`).join(', ')} }`
  if (keepUndefinedKeys || entries.length === 0) {
    body += `return ${literalObject};`
  } else {
    body += `if (${names.map((name) => `${name} !== undefined`).join(' && ')}) return ${literalObject};\n`
    body += 'const out = {};\n'
    entries.forEach((entry, index) => {
      body += `if (${names[index]} !== undefined) out[${literal(entry.key)}] = ${names[index]};\n`
    })
    body += 'return out;'
  }
  const factory = new Function('r', 'own', 'readOwn', 'copy', `return function resolveObject(data) {\n${body}\n}`)
  return factory(resolvers, Object.prototype.hasOwnProperty, readOwn, cleanCopy) as Resolver
}
