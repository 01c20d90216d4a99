import { canGenerateCode } from './can-generate-code'

/** Tells whether an AST handed out as a copy still reads, for validate, as its original does. */
export type CopyCheck = (copy: unknown) => boolean

// Larger trees, and all trees where code generation is refused, get no check: validate walks them.
const MAX_GENERATED_NODES = 256
const NEVER_CHECKED: CopyCheck = () => false

/**
 * A check of what validate reads (type, operator, name, value, children) against the original
 * AST. Where code generation is allowed it is one generated expression with the original's
 * values written in as literals, so each read is a monomorphic property load and a compare.
 */
export function copyCheck(original: unknown): CopyCheck {
  const state = { nodes: 0, temporaries: 0 }
  const code = canGenerateCode() ? nodeCheck(original, 'c', state) : undefined
  if (code === undefined || state.nodes > MAX_GENERATED_NODES) return NEVER_CHECKED
  const temporaries = Array.from({ length: state.temporaries }, (_, index) => `t${index}`)
  const declarations = temporaries.length > 0 ? `let ${temporaries.join(', ')};\n` : ''
  return new Function('isArray', `return function copyUnchanged(c) {\n${declarations}return ${code}\n}`)(
    Array.isArray
  ) as CopyCheck
}

function nodeCheck(node: unknown, name: string, state: { nodes: number; temporaries: number }): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined
  state.nodes++
  const source = node as Record<string, unknown>
  const tests = [`typeof ${name} === "object"`, `${name} !== null`]
  for (const key of ['type', 'operator', 'name', 'value']) {
    const literal = primitiveLiteral(source[key])
    if (literal === undefined) return undefined
    tests.push(`${name}.${key} === ${literal}`)
  }
  const children = source.children
  if (children === undefined) tests.push(`${name}.children === void 0`)
  else {
    if (!Array.isArray(children)) return undefined
    const list = `t${state.temporaries++}`
    tests.push(`isArray(${list} = ${name}.children)`, `${list}.length === ${children.length}`)
    for (let i = 0; i < children.length; i++) {
      const item = `t${state.temporaries++}`
      const itemCheck = nodeCheck(children[i], item, state)
      if (itemCheck === undefined) return undefined
      tests.push(`((${item} = ${list}[${i}]), ${itemCheck})`)
    }
  }
  return `(${tests.join(' && ')})`
}

function primitiveLiteral(value: unknown): string | undefined {
  if (value === undefined) return 'void 0'
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  // -0 === 0, as validate's compare would have it; NaN never equals itself, so it is not written.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}
