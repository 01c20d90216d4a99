import { cleanCopy } from '../remove-undefined'
import type { Resolver } from './definition'
import { canGenerateCode, literal, pathReadCode, runtimeNames, runtimeValues } from './code-generation'

/** One key of an object mapping: either a static `@path` read, inlined, or a compiled resolver. */
export type ObjectEntry =
  | { key: string; kind: 'path'; pathKeys: readonly string[] }
  | { key: string; kind: 'resolver'; resolve: Resolver; fresh: boolean }

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
  let body = 'let v, x;\n'
  const names: string[] = []
  entries.forEach((entry, index) => {
    let copy = false
    if (entry.kind === 'path') {
      body += 'v = data;' + pathReadCode(entry.pathKeys) + '\n'
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
  const factory = new Function('r', 'copy', ...runtimeNames, `return function resolveObject(data) {\n${body}\n}`)
  return factory(resolvers, cleanCopy, ...runtimeValues) as Resolver
}
