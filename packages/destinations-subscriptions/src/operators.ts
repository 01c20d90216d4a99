/**
 * What each operator means, in three forms that must agree: `testOperator` (used by `validate`,
 * which walks a plain AST), `compileOperator` (a closure, with the expected value normalised
 * once) and `operatorCode` (the same test as JavaScript source, for generated predicates).
 *
 * The meanings are the reference's:
 *   =, !=                 compare with String(value), so `userId = 123` does not match 123
 *                         (a boolean value compares as a boolean: `properties.flag != true`)
 *   <, <=, >, >=          the actual value must be a number; compared with Number(value)
 *   number_equals, ...    the actual value must be a number
 *   contains, starts/ends_with (and not_*)   the actual value must be a string
 *   exists / not_exists   not null and not undefined / null or undefined
 *   is_true / is_false    exactly true / exactly false
 * Unknown operators never match.
 */

export type ActualTest = (actual: unknown) => boolean

const never: ActualTest = () => false

const VALUELESS = new Set(['exists', 'not_exists', 'is_true', 'is_false'])

/** AST values are strings, numbers and booleans; objects and symbols (hand-built ASTs) never match. */
function isComparable(value: unknown): boolean {
  const kind = typeof value
  return (
    value === null ||
    kind === 'string' ||
    kind === 'number' ||
    kind === 'boolean' ||
    kind === 'undefined' ||
    kind === 'bigint'
  )
}

export function compileOperator(operator: unknown, value: unknown): ActualTest {
  if (!isComparable(value) && !VALUELESS.has(operator as string)) return never
  switch (operator) {
    case '=': {
      if (typeof value === 'boolean') return (actual) => actual === value
      const expected = String(value)
      return (actual) => actual === expected
    }
    case '!=': {
      if (typeof value === 'boolean') return (actual) => actual !== value
      const expected = String(value)
      return (actual) => actual !== expected
    }
    case '<': {
      const expected = Number(value)
      return (actual) => typeof actual === 'number' && actual < expected
    }
    case '<=': {
      const expected = Number(value)
      return (actual) => typeof actual === 'number' && actual <= expected
    }
    case '>': {
      const expected = Number(value)
      return (actual) => typeof actual === 'number' && actual > expected
    }
    case '>=': {
      const expected = Number(value)
      return (actual) => typeof actual === 'number' && actual >= expected
    }
    case 'number_equals': {
      const expected = Number(value)
      return (actual) => typeof actual === 'number' && actual === expected
    }
    case 'number_not_equals': {
      const expected = Number(value)
      return (actual) => typeof actual === 'number' && actual !== expected
    }
    case 'contains': {
      const expected = String(value)
      return (actual) => typeof actual === 'string' && actual.includes(expected)
    }
    case 'not_contains': {
      const expected = String(value)
      return (actual) => typeof actual === 'string' && !actual.includes(expected)
    }
    case 'starts_with': {
      const expected = String(value)
      return (actual) => typeof actual === 'string' && actual.startsWith(expected)
    }
    case 'not_starts_with': {
      const expected = String(value)
      return (actual) => typeof actual === 'string' && !actual.startsWith(expected)
    }
    case 'ends_with': {
      const expected = String(value)
      return (actual) => typeof actual === 'string' && actual.endsWith(expected)
    }
    case 'not_ends_with': {
      const expected = String(value)
      return (actual) => typeof actual === 'string' && !actual.endsWith(expected)
    }
    case 'exists':
      return (actual) => actual !== undefined && actual !== null
    case 'not_exists':
      return (actual) => actual === undefined || actual === null
    case 'is_true':
      return (actual) => actual === true
    case 'is_false':
      return (actual) => actual === false
    default:
      return never
  }
}

export function testOperator(operator: unknown, value: unknown, actual: unknown): boolean {
  if (!isComparable(value) && !VALUELESS.has(operator as string)) return false
  switch (operator) {
    case '=':
      return typeof value === 'boolean' ? actual === value : actual === String(value)
    case '!=':
      return typeof value === 'boolean' ? actual !== value : actual !== String(value)
    case '<':
      return typeof actual === 'number' && actual < Number(value)
    case '<=':
      return typeof actual === 'number' && actual <= Number(value)
    case '>':
      return typeof actual === 'number' && actual > Number(value)
    case '>=':
      return typeof actual === 'number' && actual >= Number(value)
    case 'number_equals':
      return typeof actual === 'number' && actual === Number(value)
    case 'number_not_equals':
      return typeof actual === 'number' && actual !== Number(value)
    case 'contains':
      return typeof actual === 'string' && actual.includes(String(value))
    case 'not_contains':
      return typeof actual === 'string' && !actual.includes(String(value))
    case 'starts_with':
      return typeof actual === 'string' && actual.startsWith(String(value))
    case 'not_starts_with':
      return typeof actual === 'string' && !actual.startsWith(String(value))
    case 'ends_with':
      return typeof actual === 'string' && actual.endsWith(String(value))
    case 'not_ends_with':
      return typeof actual === 'string' && !actual.endsWith(String(value))
    case 'exists':
      return actual !== undefined && actual !== null
    case 'not_exists':
      return actual === undefined || actual === null
    case 'is_true':
      return actual === true
    case 'is_false':
      return actual === false
    default:
      return false
  }
}

/**
 * The test of `compileOperator(operator, value)` as a JavaScript expression over the variable
 * named `subject`; `'false'` where that test never matches. Strings are written with
 * JSON.stringify, so no AST value ever becomes code.
 */
export function operatorCode(operator: unknown, value: unknown, subject: string): string {
  if (!isComparable(value) && !VALUELESS.has(operator as string)) return 'false'
  const v = subject
  switch (operator) {
    case '=':
      return `${v} === ${typeof value === 'boolean' ? String(value) : stringCode(String(value))}`
    case '!=':
      return `${v} !== ${typeof value === 'boolean' ? String(value) : stringCode(String(value))}`
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `typeof ${v} === 'number' && ${v} ${operator} ${numberCode(Number(value))}`
    case 'number_equals':
      return `typeof ${v} === 'number' && ${v} === ${numberCode(Number(value))}`
    case 'number_not_equals':
      return `typeof ${v} === 'number' && ${v} !== ${numberCode(Number(value))}`
    case 'contains':
      return `typeof ${v} === 'string' && ${v}.includes(${stringCode(String(value))})`
    case 'not_contains':
      return `typeof ${v} === 'string' && !${v}.includes(${stringCode(String(value))})`
    case 'starts_with':
      return `typeof ${v} === 'string' && ${v}.startsWith(${stringCode(String(value))})`
    case 'not_starts_with':
      return `typeof ${v} === 'string' && !${v}.startsWith(${stringCode(String(value))})`
    case 'ends_with':
      return `typeof ${v} === 'string' && ${v}.endsWith(${stringCode(String(value))})`
    case 'not_ends_with':
      return `typeof ${v} === 'string' && !${v}.endsWith(${stringCode(String(value))})`
    case 'exists':
      return `${v} !== undefined && ${v} !== null`
    case 'not_exists':
      return `${v} === undefined || ${v} === null`
    case 'is_true':
      return `${v} === true`
    case 'is_false':
      return `${v} === false`
    default:
      return 'false'
  }
}

/** JSON.stringify writes any string (lone surrogates escaped) as a valid JavaScript literal. */
export const stringCode = (text: string): string => JSON.stringify(text)

function numberCode(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '(-Infinity)'
  if (Object.is(value, -0)) return '(-0)'
  // String() of a finite number reads back as the same number.
  return value < 0 ? `(${String(value)})` : String(value)
}
