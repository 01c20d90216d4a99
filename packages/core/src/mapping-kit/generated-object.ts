import type { Compiled, Resolver } from './definition'
import { canGenerateCode, emitPath, FunctionBuilder, literal } from './code-generation'
import { CopyPlace } from './shape-copier'

/** One key of an object mapping: either a static `@path` read, inlined, or a compiled node. */
export type ObjectEntry =
  { key: string; kind: 'path'; pathKeys: readonly string[] } | ({ key: string; kind: 'resolver' } & Compiled)

/**
 * Builds the resolver of an object mapping as one generated function: constant keys give the
 * result a stable shape, static paths and directives that can emit code run inline, and only
 * object values that are not fresh are deep-copied.
 * Returns undefined where code generation is not allowed.
 */
export function generateObjectResolver(
  entries: readonly ObjectEntry[],
  keepUndefinedKeys: boolean
): Resolver | undefined {
  if (!canGenerateCode()) return undefined
  const builder = new FunctionBuilder()
  let body = ''
  const names = entries.map((entry) => {
    const name = builder.variable()
    const node: Compiled =
      entry.kind === 'path' ? { resolve: () => undefined, fresh: false, emit: emitPath(entry.pathKeys) } : entry
    body += builder.child(node, name, 'data')
    if (!node.fresh) {
      // Each key copies through a place of its own, which learns the shapes that key holds.
      const place = builder.use(CopyPlace.create())
      body += `if (${name} !== null && typeof ${name} === 'object') ${name} = ${place}.copy(${name});\n`
    }
    return name
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
  return builder.build('resolveObject', body)
}
