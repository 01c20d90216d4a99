import { ConditionsError } from './errors/conditions-error'
import { escapeSegment, numberText, quote } from './generate-fql'
import { parse } from './parser'
import type { LeafCondition } from './types'

/** The condition groups a UI builds: one ALL/ANY group of simple conditions. */
export type ConditionGroupOperator = 'ALL' | 'ANY'

export type EventTypeOperator = 'is' | 'is_not'
export type EventNameOperator = 'is' | 'is_not' | 'contains' | 'not_contains' | 'starts_with' | 'ends_with'
export type EventPropertyOperator =
  | 'is'
  | 'is_not'
  | 'less_than'
  | 'less_than_or_equal'
  | 'greater_than'
  | 'greater_than_or_equal'
  | 'contains'
  | 'not_contains'
  | 'starts_with'
  | 'ends_with'
  | 'exists'
  | 'not_exists'

export interface EventTypeRule {
  type: 'event-type'
  operator: EventTypeOperator
  value: string
}

export interface EventNameRule {
  type: 'event'
  operator: EventNameOperator
  value: string
}

export interface EventPropertyRule {
  type: 'event-property'
  /** Dotted path starting at `properties.` (or `traits.` / `context.`), e.g. `properties.order.total`. */
  property: string
  operator: EventPropertyOperator
  /** string for text operators, number for less/greater than, string | number | boolean for is / is_not; absent for exists / not_exists. */
  value?: string | number | boolean
}

export type ConditionRule = EventTypeRule | EventNameRule | EventPropertyRule

export interface ConditionGroup {
  operator: ConditionGroupOperator
  conditions: ConditionRule[]
}

const NAME_OPERATORS: readonly string[] = ['is', 'is_not', 'contains', 'not_contains', 'starts_with', 'ends_with']
const ORDERING: Record<string, string> = {
  less_than: '<',
  less_than_or_equal: '<=',
  greater_than: '>',
  greater_than_or_equal: '>='
}
const ORDERING_BY_SYMBOL: Record<string, EventPropertyOperator> = {
  '<': 'less_than',
  '<=': 'less_than_or_equal',
  '>': 'greater_than',
  '>=': 'greater_than_or_equal'
}
const PATH_ROOT_BY_TYPE: Record<string, string> = {
  'event-property': 'properties',
  'event-trait': 'traits',
  'event-context': 'context'
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * Writes a condition group as FQL. Throws `ConditionsError` naming the place
 * (`conditions[1].value`) for a malformed group.
 */
export function conditionsToFql(group: ConditionGroup): string {
  if (!isObject(group)) throw new ConditionsError('A condition group must be an object')
  if (group.operator !== 'ALL' && group.operator !== 'ANY') {
    throw new ConditionsError(
      `The group operator must be "ALL" or "ANY", got ${JSON.stringify(group.operator)}`,
      'operator'
    )
  }
  if (!Array.isArray(group.conditions) || group.conditions.length === 0) {
    throw new ConditionsError('A condition group needs at least one condition', 'conditions')
  }
  const joiner = group.operator === 'ALL' ? ' and ' : ' or '
  return group.conditions.map((rule, index) => ruleToFql(rule, `conditions[${index}]`)).join(joiner)
}

function ruleToFql(rule: unknown, path: string): string {
  if (!isObject(rule)) throw new ConditionsError('A condition must be an object', path)
  const { type, operator, value } = rule
  const fail = (message: string, where = 'value'): never => {
    throw new ConditionsError(message, `${path}.${where}`)
  }
  const text = (): string => {
    if (typeof value !== 'string') fail(`Expected a string value for "${String(operator)}"`)
    return quoteFor(value as string, `${path}.value`)
  }
  if (type === 'event-type') {
    if (operator !== 'is' && operator !== 'is_not')
      fail('An event type condition supports "is" and "is_not"', 'operator')
    return `type ${operator === 'is' ? '=' : '!='} ${text()}`
  }
  if (type === 'event') {
    if (!NAME_OPERATORS.includes(operator as string)) {
      fail(`An event name condition supports ${NAME_OPERATORS.join(', ')}`, 'operator')
    }
    return textCondition('event', operator as string, text, fail, `${path}.value`, value)
  }
  if (type === 'event-property') {
    const field = propertyField(rule.property, `${path}.property`)
    switch (operator) {
      case 'exists':
        return `${field} != null`
      case 'not_exists':
        return `${field} = null`
      case 'is':
      case 'is_not': {
        const symbol = operator === 'is' ? '=' : '!='
        if (typeof value === 'boolean') return `${field} ${symbol} ${value}`
        if (typeof value === 'number') return `${field} ${symbol} ${numberFor(value, `${path}.value`)}`
        if (typeof value === 'string') return `${field} ${symbol} ${quoteFor(value, `${path}.value`)}`
        return fail('Expected a string, number or boolean value')
      }
      case 'less_than':
      case 'less_than_or_equal':
      case 'greater_than':
      case 'greater_than_or_equal':
        if (typeof value !== 'number') fail(`Expected a number value for "${operator}"`)
        return `${field} ${ORDERING[operator]} ${numberFor(value as number, `${path}.value`)}`
      case 'contains':
      case 'not_contains':
      case 'starts_with':
      case 'ends_with':
        return textCondition(field, operator, text, fail, `${path}.value`, value)
      default:
        return fail(`Unknown event property operator ${JSON.stringify(operator)}`, 'operator')
    }
  }
  throw new ConditionsError(
    `Unknown condition type ${JSON.stringify(type)}; expected "event-type", "event" or "event-property"`,
    `${path}.type`
  )
}

function textCondition(
  field: string,
  operator: string,
  text: () => string,
  fail: (message: string, where?: string) => never,
  path: string,
  value: unknown
): string {
  switch (operator) {
    case 'is':
      return `${field} = ${text()}`
    case 'is_not':
      return `${field} != ${text()}`
    case 'contains':
      return `contains(${field}, ${text()})`
    case 'not_contains':
      return `!contains(${field}, ${text()})`
    default: {
      if (typeof value !== 'string') return fail(`Expected a string value for "${operator}"`)
      if (value === '' || value.includes('*')) {
        return fail(`"${operator}" needs a non-empty value without "*"`)
      }
      const pattern = operator === 'starts_with' ? `${value}*` : `*${value}`
      return `match(${field}, ${quoteFor(pattern, path)})`
    }
  }
}

function propertyField(property: unknown, path: string): string {
  if (typeof property !== 'string')
    throw new ConditionsError('Expected a property path such as "properties.total"', path)
  const segments = property.split('.')
  const root = segments[0]
  if (!(root === 'properties' || root === 'traits' || root === 'context') || segments.length < 2) {
    throw new ConditionsError(
      `The property path must start with "properties.", "traits." or "context.", got ${JSON.stringify(property)}`,
      path
    )
  }
  const rest = segments.slice(1)
  if (rest.some((segment) => segment === '')) {
    throw new ConditionsError(`The property path ${JSON.stringify(property)} has an empty segment`, path)
  }
  return `${root}.${rest.map(escapeSegment).join('.')}`
}

function quoteFor(value: string, path: string): string {
  try {
    return quote(value, path)
  } catch (error) {
    throw new ConditionsError(error instanceof Error ? error.message : String(error), path)
  }
}

function numberFor(value: number, path: string): string {
  try {
    return numberText(value, path)
  } catch (error) {
    throw new ConditionsError(error instanceof Error ? error.message : String(error), path)
  }
}

/**
 * Reads FQL back as one condition group. Throws `FqlSyntaxError` for FQL that does not parse
 * and `ConditionsError` for FQL that cannot be shown as one group (nested groups, `name`,
 * `userId`, operators the UI does not offer). A single condition reads back as `ALL`.
 */
export function fqlToConditions(fql: string): ConditionGroup {
  const ast = parse(fql)
  const conditions = ast.children.map((child, index) => {
    const path = `children[${index}]`
    if (child.type === 'group') {
      throw new ConditionsError('Nested groups (parentheses) cannot be shown as one condition group', path)
    }
    return leafToRule(child, path)
  })
  return { operator: ast.operator === 'or' ? 'ANY' : 'ALL', conditions }
}

function leafToRule(condition: LeafCondition, path: string): ConditionRule {
  const unsupported = (): never => {
    throw new ConditionsError(`The condition ${describeLeaf(condition)} has no equivalent in a condition group`, path)
  }
  const { operator } = condition
  const value = condition.value
  if (condition.type === 'event-type') {
    if ((operator === '=' || operator === '!=') && typeof value === 'string') {
      return { type: 'event-type', operator: operator === '=' ? 'is' : 'is_not', value }
    }
    return unsupported()
  }
  if (condition.type === 'event') {
    if (typeof value !== 'string') return unsupported()
    const byOperator: Record<string, EventNameOperator> = {
      '=': 'is',
      '!=': 'is_not',
      contains: 'contains',
      not_contains: 'not_contains',
      starts_with: 'starts_with',
      ends_with: 'ends_with'
    }
    const mapped = Object.prototype.hasOwnProperty.call(byOperator, operator) ? byOperator[operator] : undefined
    if (mapped === undefined || ((mapped === 'starts_with' || mapped === 'ends_with') && value === '')) {
      return unsupported()
    }
    return { type: 'event', operator: mapped, value }
  }
  if (condition.type === 'event-property' || condition.type === 'event-trait' || condition.type === 'event-context') {
    const property = `${PATH_ROOT_BY_TYPE[condition.type]}.${condition.name}`
    const rule = (op: EventPropertyOperator, ruleValue?: string | number | boolean): EventPropertyRule =>
      ruleValue === undefined
        ? { type: 'event-property', property, operator: op }
        : { type: 'event-property', property, operator: op, value: ruleValue }
    switch (operator) {
      case 'exists':
      case 'not_exists':
        return rule(operator)
      case 'is_true':
      case 'is_false':
        return rule('is', operator === 'is_true')
      case 'number_equals':
        return typeof value === 'number' ? rule('is', value) : unsupported()
      case 'number_not_equals':
        return typeof value === 'number' ? rule('is_not', value) : unsupported()
      case '=':
        return typeof value === 'string' ? rule('is', value) : unsupported()
      case '!=':
        return typeof value === 'string' || typeof value === 'boolean' ? rule('is_not', value) : unsupported()
      case '<':
      case '<=':
      case '>':
      case '>=':
        return typeof value === 'number' ? rule(ORDERING_BY_SYMBOL[operator], value) : unsupported()
      case 'contains':
      case 'not_contains':
        return typeof value === 'string' ? rule(operator, value) : unsupported()
      case 'starts_with':
      case 'ends_with':
        return typeof value === 'string' && value !== '' ? rule(operator, value) : unsupported()
      default:
        return unsupported()
    }
  }
  return unsupported()
}

function describeLeaf(condition: LeafCondition): string {
  const name = 'name' in condition ? `.${condition.name}` : ''
  const value = condition.value === undefined ? '' : ` ${JSON.stringify(condition.value)}`
  return `"${condition.type}${name} ${condition.operator}${value}"`
}
