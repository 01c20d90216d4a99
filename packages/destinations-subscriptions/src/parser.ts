import { FqlSyntaxError } from './errors/fql-syntax-error'
import { createLexer, describeToken, positionText, Token } from './lexer'
import type { Condition, GroupCondition, GroupConditionOperator, LeafCondition, Operator } from './types'
import { globToCondition } from './match-pattern'

/**
 * Grammar (recursive descent; `and` / `or` are case-insensitive, everything else case-sensitive):
 *
 *   query      := expression END
 *   expression := term ( ("and" | "or") term )*      -- one connective per level
 *   term       := "(" expression ")" | condition
 *   condition  := "!"? function | field comparison value
 *   function   := ("contains" | "match") "(" field "," value ")"
 *   field      := "type" | "event" | "name" | "userId" | ("properties" | "traits" | "context") ("." segment)+
 *   value      := string | number | "true" | "false" | "null" | identifier ("." identifier)*
 */

/** Deeper nesting is refused so that a hostile query cannot exhaust the stack. */
export const MAX_NESTING_DEPTH = 100

type FieldKind = 'event-type' | 'event' | 'name' | 'userId' | 'event-property' | 'event-trait' | 'event-context'

interface Field {
  kind: FieldKind
  /** Dotted path below properties / traits / context. */
  name?: string
  token: Token
}

type ValueKind = 'string' | 'number' | 'true' | 'false' | 'null' | 'identifier'

interface Value {
  kind: ValueKind
  text: string
  number?: number
  token: Token
}

const SIMPLE_FIELDS: Record<string, FieldKind> = {
  type: 'event-type',
  event: 'event',
  name: 'name',
  userId: 'userId'
}

const PATH_FIELDS: Record<string, FieldKind> = {
  properties: 'event-property',
  traits: 'event-trait',
  context: 'event-context'
}

const FIELD_LIST = 'type, event, name, userId, properties.<name>, traits.<name> or context.<name>'

interface Expression {
  items: Condition[]
  operator: GroupConditionOperator
}

export function parse(source: string): GroupCondition {
  // Tokens are read as the parser needs them: the current one, one ahead, and the last taken.
  const read = createLexer(source)
  let current = read()
  let ahead: Token | undefined
  let previous = current
  const peek = (): Token => current
  const peekSecond = (): Token => (ahead ??= read())
  const next = (): Token => {
    previous = current
    if (ahead) {
      current = ahead
      ahead = undefined
    } else if (current.kind !== 'end') {
      current = read()
    }
    return previous
  }
  const fail = (message: string, token: Token): never => {
    throw new FqlSyntaxError(`${message} at ${positionText(token.start)}, found ${describeToken(token)}`, token.start)
  }
  const keyword = (token: Token): string | undefined =>
    token.kind === 'identifier' && !token.escaped ? token.text : undefined
  const connective = (token: Token): GroupConditionOperator | undefined => {
    const word = keyword(token)?.toLowerCase()
    return word === 'and' || word === 'or' ? word : undefined
  }

  if (peek().kind === 'end') fail('Expected a condition', peek())
  const top = parseExpression(0)
  const last = peek()
  if (last.kind !== 'end') {
    if (last.kind === ')') fail('Unbalanced ")": no "(" to close', last)
    fail('Expected "and", "or" or end of input after a condition', last)
  }
  // A lone parenthesised group is the query itself; otherwise the items form the top group.
  if (top.items.length === 1 && top.items[0].type === 'group') return top.items[0]
  return { type: 'group', operator: top.operator, children: top.items }

  function parseExpression(depth: number): Expression {
    const items = [parseTerm(depth)]
    let operator: GroupConditionOperator | undefined
    let firstConnective: Token | undefined
    for (let word = connective(peek()); word !== undefined; word = connective(peek())) {
      const token = next()
      if (operator !== undefined && word !== operator) {
        throw new FqlSyntaxError(
          `Mixing "${operator}" (at ${positionText((firstConnective as Token).start)}) and "${word}" (at ${positionText(
            token.start
          )}) without parentheses is ambiguous; add parentheses, e.g. "a ${operator} (b ${word} c)"`,
          token.start
        )
      }
      operator = word
      firstConnective ??= token
      if (peek().kind === 'end' || peek().kind === ')') fail(`Expected a condition after "${token.text}"`, peek())
      items.push(parseTerm(depth))
    }
    return { items, operator: operator ?? 'and' }
  }

  function parseTerm(depth: number): Condition {
    const token = peek()
    if (token.kind === '(') {
      if (depth >= MAX_NESTING_DEPTH) fail(`Parentheses nested deeper than ${MAX_NESTING_DEPTH} levels`, token)
      next()
      if (peek().kind === ')') fail('Expected a condition inside "()"', peek())
      const inner = parseExpression(depth + 1)
      if (peek().kind !== ')')
        fail(`Expected "and", "or" or ")" to close the "(" opened at ${positionText(token.start)}:`, peek())
      next()
      // `(a)` is just `a`; `(a or b)` is a nested group.
      return inner.items.length === 1
        ? inner.items[0]
        : { type: 'group', operator: inner.operator, children: inner.items }
    }
    if (token.kind === '!') {
      next()
      const fn = peek()
      const name = keyword(fn)
      if (fn.start.offset !== token.end || (name !== 'contains' && name !== 'match')) {
        fail('"!" can only negate contains(...) or match(...), written directly after it', fn)
      }
      return parseFunction(true)
    }
    const word = keyword(token)
    if ((word === 'contains' || word === 'match') && peekSecond().kind === '(') return parseFunction(false)
    return parseComparison()
  }

  function parseFunction(negated: boolean): LeafCondition {
    const nameToken = next()
    const fn = nameToken.text as 'contains' | 'match'
    expect('(', `after "${fn}"`)
    const field = parseField()
    if (field.kind === 'event-type') {
      fail(`${fn}() cannot be used on "type"; compare it with = or !=`, field.token)
    }
    expect(',', `after the field in ${fn}()`)
    const value = parseValue(`as the 2nd argument of ${fn}()`)
    if (peek().kind === ',') fail(`${fn}() takes exactly 2 arguments`, peek())
    expect(')', `to close ${fn}()`)
    const text = value.kind === 'number' ? String(value.number) : value.text
    if (fn === 'contains') {
      return makeLeaf(field, negated ? 'not_contains' : 'contains', text)
    }
    const glob = globToCondition(text, negated)
    if ('error' in glob) fail(glob.error, value.token)
    const { operator, value: pattern } = glob as { operator: Operator; value: string }
    return makeLeaf(field, operator, pattern)
  }

  function parseComparison(): LeafCondition {
    const field = parseField()
    const op = peek()
    if (op.kind !== 'operator') fail(`Expected =, !=, <, <=, > or >= after "${fieldText(field)}"`, op)
    next()
    const value = parseValue(`after "${op.text}"`)
    return comparison(field, op.text as Operator, value)
  }

  function parseField(): Field {
    const token = peek()
    const word = keyword(token)
    if (word === undefined) return fail(`Expected a field (${FIELD_LIST})`, token)
    next()
    const simple = SIMPLE_FIELDS[word]
    if (simple !== undefined && Object.prototype.hasOwnProperty.call(SIMPLE_FIELDS, word)) {
      return { kind: simple, token }
    }
    const pathKind = Object.prototype.hasOwnProperty.call(PATH_FIELDS, word) ? PATH_FIELDS[word] : undefined
    if (pathKind === undefined) {
      throw new FqlSyntaxError(
        `Unknown field "${token.text}" at ${positionText(token.start)}; expected ${FIELD_LIST}`,
        token.start
      )
    }
    if (peek().kind !== '.') fail(`Expected "." and a name after "${word}" (e.g. ${word}.plan)`, peek())
    const segments: string[] = []
    while (peek().kind === '.') {
      next()
      const segment = peek()
      if (segment.kind !== 'identifier') {
        fail(
          segment.kind === 'number'
            ? `Expected a name after "." (a name cannot start with a digit; escape it, e.g. \\0)`
            : 'Expected a name after "."',
          segment
        )
      }
      next()
      segments.push(segment.text)
    }
    return { kind: pathKind, name: segments.join('.'), token }
  }

  function parseValue(where: string): Value {
    const token = peek()
    if (token.kind === 'string') {
      next()
      return { kind: 'string', text: token.text, token }
    }
    if (token.kind === 'number') {
      next()
      return { kind: 'number', text: token.text, number: token.number, token }
    }
    if (token.kind === 'identifier') {
      const word = keyword(token)
      if (word === 'true' || word === 'false' || word === 'null') {
        next()
        return { kind: word, text: word, token }
      }
      if (connective(token) !== undefined) fail(`Expected a value ${where}`, token)
      next()
      // Bare identifiers are accepted as string values (compatibility), dots included: foo.bar
      let text = token.text
      while (peek().kind === '.' && peek().start.offset === previous.end) {
        const dot = next()
        const part = peek()
        if (part.kind !== 'identifier' || part.start.offset !== dot.end) fail('Expected a name after "."', part)
        next()
        text += '.' + part.text
      }
      return { kind: 'identifier', text, token }
    }
    return fail(`Expected a value ${where}`, token)
  }

  function expect(kind: Token['kind'], where: string): Token {
    const token = peek()
    if (token.kind !== kind) fail(`Expected "${kind}" ${where}`, token)
    return next()
  }
}

function fieldText(field: Field): string {
  switch (field.kind) {
    case 'event-property':
      return `properties.${field.name}`
    case 'event-trait':
      return `traits.${field.name}`
    case 'event-context':
      return `context.${field.name}`
    default:
      return field.token.text
  }
}

function makeLeaf(field: Field, operator: Operator, value?: string | number | boolean): LeafCondition {
  const condition: Record<string, unknown> = { type: field.kind }
  if (field.name !== undefined) condition.name = field.name
  condition.operator = operator
  if (value !== undefined) condition.value = value
  return condition as unknown as LeafCondition
}

/** How each field turns a written value into an AST value (the reference's conversions). */
function comparison(field: Field, operator: Operator, value: Value): LeafCondition {
  const isPath = field.kind === 'event-property' || field.kind === 'event-trait' || field.kind === 'event-context'
  const asText = value.kind === 'number' ? String(value.number) : value.text

  if (value.kind === 'null' && (isPath || field.kind === 'userId' || field.kind === 'name')) {
    if (operator === '=') return makeLeaf(field, 'not_exists')
    if (operator === '!=') return makeLeaf(field, 'exists')
  }
  if ((value.kind === 'true' || value.kind === 'false') && (isPath || field.kind === 'userId')) {
    if (operator === '=') return makeLeaf(field, value.kind === 'true' ? 'is_true' : 'is_false')
    if (isPath) return makeLeaf(field, operator, value.kind === 'true')
  }
  if (isPath && value.kind === 'number') {
    const number = value.number as number
    if (operator === '=') return makeLeaf(field, 'number_equals', number)
    if (operator === '!=') return makeLeaf(field, 'number_not_equals', number)
    return makeLeaf(field, operator, number)
  }
  return makeLeaf(field, operator, asText)
}
