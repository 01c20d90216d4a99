import type { Subscription } from './types'
import { canGenerateCode } from './can-generate-code'

/** Makes a fresh deep copy of one AST each time it is called. */
export type AstCopier = () => Subscription

// Larger trees are copied by walking them: a huge literal costs more to compile than it saves.
const MAX_LITERAL_NODES = 256

/**
 * A copier for a parsed AST (plain objects, arrays and primitives only). Where code generation
 * is allowed, the copy is built from object literals whose values are constants: the engine
 * copies such a literal from its boilerplate in one step, several times faster than a walk.
 * It does so only for literals nested at most three deep, so every array is a literal of its
 * own, held in a variable. Key order is the AST's own, so the copy prints as the original does.
 */
export function astCopier(ast: Subscription): AstCopier {
  const state: LiteralState = { nodes: 0, statements: [] }
  const literal = literalOf(ast, state)
  if (literal !== undefined && state.nodes <= MAX_LITERAL_NODES && canGenerateCode()) {
    const body = [...state.statements, `return ${literal}`].join('\n    ')
    return new Function(`return function copyAst() {\n    ${body}\n  }`)() as AstCopier
  }
  return () => deepCopy(ast) as Subscription
}

interface LiteralState {
  nodes: number
  /** `const aN = [...]`, in the order they must run (inner arrays first). */
  statements: string[]
}

function literalOf(value: unknown, state: LiteralState): string | undefined {
  if (value === undefined) return 'void 0'
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0'
    return Number.isFinite(value) ? String(value) : undefined
  }
  if (typeof value !== 'object') return undefined
  state.nodes++
  const parts: string[] = []
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = literalOf(item, state)
      if (part === undefined) return undefined
      parts.push(part)
    }
    const name = `a${state.statements.length}`
    state.statements.push(`const ${name} = [${parts.join(', ')}]`)
    return name
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined
  for (const key of Object.keys(value)) {
    // `__proto__: x` in a literal would set the prototype instead of a key.
    if (key === '__proto__') return undefined
    const part = literalOf((value as Record<string, unknown>)[key], state)
    if (part === undefined) return undefined
    parts.push(`${JSON.stringify(key)}: ${part}`)
  }
  return `{ ${parts.join(', ')} }`
}

function deepCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(deepCopy)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: deepCopy((value as Record<string, unknown>)[key]),
      writable: true,
      enumerable: true,
      configurable: true
    })
  }
  return copy
}
