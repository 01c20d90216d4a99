import { FqlGenerateError } from './errors/fql-generate-error'
import { MAX_NESTING_DEPTH } from './parser'
import type { Subscription } from './types'

const TOP_LEVEL_FIELDS: Record<string, string> = {
  'event-type': 'type',
  event: 'event',
  name: 'name',
  userId: 'userId'
}

const PATH_FIELDS: Record<string, string> = {
  'event-property': 'properties',
  'event-trait': 'traits',
  'event-context': 'context'
}

const COMPARISONS: Record<string, string> = {
  '=': '=',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  number_equals: '=',
  number_not_equals: '!='
}

const RANGES = new Set(['<', '<=', '>', '>='])
const NUMERIC = new Set(['<', '<=', '>', '>=', 'number_equals', 'number_not_equals'])

const VALUELESS: Record<string, string> = {
  exists: '!= null',
  not_exists: '= null',
  is_true: '= true',
  is_false: '= false'
}

const hasOwn = (object: object, key: unknown): key is string =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(object, key)

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * Writes an AST back as FQL that parses to the same tree. Throws `FqlGenerateError` (with the
 * AST `path` of the problem) for what FQL cannot express: unknown condition types or
 * operators, non-numeric values for numeric operators, nested empty groups, empty name segments.
 * An empty root group gives `""`; an `{ error }` AST throws its error as it is.
 */
const generateFql = (ast: Subscription): string => {
  if (!isObject(ast)) throw new FqlGenerateError('generateFql expects an AST object')
  // A failed parse result: its error is thrown as it is, as in the reference.
  const { error } = ast as { error?: unknown }
  if (error) throw error
  return generateGroup(ast, '', true, 0)
}

/** Deeper groups could not be parsed back (and a cyclic AST would never end). */
function checkDepth(depth: number, path: string): void {
  if (depth > MAX_NESTING_DEPTH) {
    const shown = path.length > 120 ? path.slice(0, 120) + '…' : path
    throw new FqlGenerateError(
      `Groups are nested deeper than ${MAX_NESTING_DEPTH} levels (or the AST is cyclic)`,
      shown
    )
  }
}

function generateGroup(group: Record<string, unknown>, path: string, isRoot: boolean, depth: number): string {
  checkDepth(depth, path)
  const children = group.children
  if (!Array.isArray(children)) throw new FqlGenerateError('A group needs a "children" array', path)
  // An empty query is written as nothing, as in the reference; inside a query it has no FQL form.
  if (children.length === 0) {
    if (isRoot) return ''
    throw new FqlGenerateError('An empty group cannot be written as FQL', path)
  }
  // A root holding a single group is that group (parsing `(a or b)` gives the same tree).
  if (isRoot && children.length === 1 && isObject(children[0]) && children[0].type === 'group') {
    return generateGroup(children[0], `${path}children[0].`, true, depth + 1)
  }
  const operator = group.operator
  if (children.length > 1 && operator !== 'and' && operator !== 'or') {
    throw new FqlGenerateError(`Unknown group operator ${JSON.stringify(operator)}; expected "and" or "or"`, path)
  }
  return children
    .map((child: unknown, index) => {
      const childPath = `${path}children[${index}]`
      if (!isObject(child)) throw new FqlGenerateError('A condition must be an object', childPath)
      if (child.type === 'group') return generateNested(child, childPath, depth + 1)
      return generateCondition(child, childPath)
    })
    .join(` ${operator as string} `)
}

function generateNested(group: Record<string, unknown>, path: string, depth: number): string {
  checkDepth(depth, path)
  const children = group.children
  if (Array.isArray(children) && children.length === 1 && isObject(children[0])) {
    const only = children[0]
    return only.type === 'group'
      ? generateNested(only, `${path}.children[0]`, depth + 1)
      : generateCondition(only, `${path}.children[0]`)
  }
  return `(${generateGroup(group, `${path}.`, false, depth)})`
}

function generateCondition(condition: Record<string, unknown>, path: string): string {
  const field = fieldText(condition, path)
  const operator = condition.operator
  const value = condition.value
  if (hasOwn(VALUELESS, operator)) return `${field} ${VALUELESS[operator]}`
  // `> true` parses to the boolean; write it back as such (the reference writes `> 1`).
  if (typeof value === 'boolean' && RANGES.has(operator as string)) return `${field} ${operator as string} ${value}`
  if (NUMERIC.has(operator as string)) {
    return `${field} ${COMPARISONS[operator as string]} ${numberText(value, `${path}.value`)}`
  }
  if (operator === '=' || operator === '!=') return `${field} ${operator} ${valueText(value, `${path}.value`)}`
  if (operator === 'contains' || operator === 'not_contains') {
    const bang = operator === 'not_contains' ? '!' : ''
    return `${bang}contains(${field}, ${valueText(value, `${path}.value`)})`
  }
  if (
    operator === 'starts_with' ||
    operator === 'not_starts_with' ||
    operator === 'ends_with' ||
    operator === 'not_ends_with'
  ) {
    const bang = operator.startsWith('not_') ? '!' : ''
    const text = patternText(value, `${path}.value`)
    const pattern = operator.endsWith('starts_with') ? `${text}*` : `*${text}`
    return `${bang}match(${field}, ${quote(pattern, `${path}.value`)})`
  }
  throw new FqlGenerateError(`Unknown operator ${JSON.stringify(operator)}`, `${path}.operator`)
}

function fieldText(condition: Record<string, unknown>, path: string): string {
  const type = condition.type
  if (hasOwn(TOP_LEVEL_FIELDS, type)) return TOP_LEVEL_FIELDS[type]
  // Same message as the reference for this case.
  if (!hasOwn(PATH_FIELDS, type)) throw new FqlGenerateError('Unknown condition type', `${path}.type`)
  const name = condition.name
  if (typeof name !== 'string') throw new FqlGenerateError('A property condition needs a string "name"', `${path}.name`)
  const segments = name.split('.')
  if (segments.some((segment) => segment === '')) {
    throw new FqlGenerateError(`Property name ${JSON.stringify(name)} has an empty segment`, `${path}.name`)
  }
  return `${PATH_FIELDS[type]}.${segments.map(escapeSegment).join('.')}`
}

/** Letters, digits, `_` and `-` are written as they are; anything else, and a leading digit or `-`, is escaped. */
export function escapeSegment(segment: string): string {
  let out = ''
  let first = true
  for (const char of segment) {
    const plain = /^[A-Za-z_]$/.test(char) || (!first && /^[0-9-]$/.test(char))
    out += plain ? char : `\\${char}`
    first = false
  }
  return out
}

function valueText(value: unknown, path: string): string {
  if (typeof value === 'string') return quote(value, path)
  if (typeof value === 'number') return numberText(value, path)
  if (typeof value === 'boolean') return String(value)
  throw new FqlGenerateError(`Expected a string, number or boolean value, got ${describe(value)}`, path)
}

function patternText(value: unknown, path: string): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new FqlGenerateError(`Expected a string value, got ${describe(value)}`, path)
  }
  const text = String(value)
  if (text.includes('*')) {
    throw new FqlGenerateError(`A starts/ends-with value cannot contain "*" in FQL: ${JSON.stringify(text)}`, path)
  }
  return text
}

/** Numbers without exponents (the lexer does not read `1e21`): the shortest digits, shifted. */
export function numberText(value: unknown, path: string): string {
  const number = typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : Number(value)
  if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') {
    throw new FqlGenerateError(`Expected a number, got ${describe(value)}`, path)
  }
  if (!Number.isFinite(number) || (typeof value === 'string' && value.trim() === '')) {
    throw new FqlGenerateError(`Expected a number, got ${describe(value)}`, path)
  }
  const text = String(number)
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (match === null) return text
  const [, sign, whole, fraction = '', exponentText] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponentText)
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/**
 * A double-quoted FQL string. `"` is written `\"`; other backslashes stay as they are, and
 * `\\` reads back as two backslashes, so an odd run of backslashes right before a quote or at
 * the end cannot be written.
 */
export function quote(value: string, path: string): string {
  let out = '"'
  let run = 0
  for (let i = 0; i < value.length; i++) {
    const char = value[i]
    if (char === '\\') {
      run++
      out += char
      continue
    }
    if (char === '"') {
      if (run % 2 === 1) throw unwritable(value, path)
      out += '\\"'
    } else {
      out += char
    }
    run = 0
  }
  if (run % 2 === 1) throw unwritable(value, path)
  return out + '"'
}

function unwritable(value: string, path: string): FqlGenerateError {
  return new FqlGenerateError(
    `The string ${JSON.stringify(value)} cannot be written in FQL: an odd number of backslashes before a quote or at the end`,
    path
  )
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return JSON.stringify(value)
  return typeof value
}

export default generateFql
