import { conditionKeys } from './condition-path'
import { canGenerateCode } from './can-generate-code'
import type { EventPredicate } from './event-predicate'
import { compileOperator, operatorCode, stringCode } from './operators'
import { readKey } from './path'

/**
 * Compiles an AST into one generated JavaScript function: property names and expected values
 * are literals, so each query gets its own inline caches and no operator dispatch happens per
 * event. Returns undefined where code generation is refused (a Content-Security-Policy without
 * 'unsafe-eval') or the AST is too large for it; the caller then uses closures, which agree.
 */
export function generatedPredicate(root: unknown): EventPredicate | undefined {
  if (!canGenerateCode()) return undefined
  const state: CodeState = { conditions: 0, temporaries: 0 }
  let body: string
  if (!isObject(root) || root.type !== 'group') body = 'false'
  else {
    const code = nodeCode(root, 0, state)
    if (code === undefined) return undefined
    body = code
  }
  const temporaries = Array.from({ length: state.temporaries }, (_, index) => `p${index + 1}`)
  const declarations = ['r', 'q', ...temporaries].join(', ')
  // An event whose reads throw (a throwing getter, a Proxy trap) does not match: predicates never throw.
  const source = `return function matchesFql(e) {\n  let ${declarations};\n  try {\n    return ${body};\n  } catch {\n    return false;\n  }\n}`
  const factory = new Function('own', 'getProto', 'readKey', source) as (
    own: typeof Object.prototype.hasOwnProperty,
    getProto: typeof Object.getPrototypeOf,
    readKeyFn: typeof readKey
  ) => EventPredicate
  return factory(Object.prototype.hasOwnProperty, Object.getPrototypeOf, readKey)
}

// Deeper or larger ASTs are rare; closures handle them without a huge function or a deep parse.
const MAX_GENERATED_DEPTH = 32
const MAX_GENERATED_CONDITIONS = 256

interface CodeState {
  conditions: number
  /** How many path temporaries (p1, p2, ...) the longest path needs. */
  temporaries: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** The expression for one node, or undefined when the AST is too large to generate. */
function nodeCode(node: unknown, depth: number, state: CodeState): string | undefined {
  if (depth > MAX_GENERATED_DEPTH) return undefined
  if (!isObject(node)) return 'false'
  if (node.type === 'group') {
    const { children, operator } = node
    if (!Array.isArray(children) || (operator !== 'and' && operator !== 'or')) return 'false'
    if (children.length === 0) return operator === 'and' ? 'true' : 'false'
    const parts: string[] = []
    for (const child of children) {
      const code = nodeCode(child, depth + 1, state)
      if (code === undefined) return undefined
      parts.push(code)
    }
    return `(${parts.join(operator === 'and' ? ' && ' : ' || ')})`
  }
  if (++state.conditions > MAX_GENERATED_CONDITIONS) return undefined
  const keys = conditionKeys(node.type, node.name)
  if (keys === null) return 'false'
  return conditionCode(keys, node.operator, node.value, state)
}

/**
 * One condition. The path is first read with plain property reads (fast, inline-cached); own
 * properties are checked only when the outcome depends on it. The real value (own properties
 * only) is either the value read or undefined, so when the test gives the same answer as for
 * undefined, that answer is right either way.
 */
function conditionCode(keys: string[], operator: unknown, value: unknown, state: CodeState): string {
  const whenMissing = compileOperator(operator, value)(undefined)
  if (keys.length === 0) return String(whenMissing)
  state.temporaries = Math.max(state.temporaries, keys.length)
  const containers = ['e', ...keys.map((_, index) => `p${index + 1}`)]
  const reads: string[] = []
  const ownChecks: string[] = []
  keys.forEach((key, index) => {
    const container = containers[index]
    const name = stringCode(key)
    reads.push(
      `${containers[index + 1]} = typeof ${container} === 'object' && ${container} !== null ? ${container}[${name}] : readKey(${container}, ${name})`
    )
    // A container met on the way to a value other than undefined is neither null nor undefined;
    // strings were read through readKey, which reads own properties only. When no prototype
    // has the key, the value read is the object's own: optimised code folds that test for a
    // plain object, where hasOwnProperty stays a call.
    ownChecks.push(
      `(typeof ${container} !== 'object' || (q = getProto(${container})) === null || !(${name} in q) || own.call(${container}, ${name}))`
    )
  })
  const test = operatorCode(operator, value, containers[keys.length])
  const answerWhenMissing = String(whenMissing)
  return `(${reads.join(', ')}, r = (${test}), r === ${answerWhenMissing} || (${ownChecks.join(
    ' && '
  )}) ? r : ${answerWhenMissing})`
}
