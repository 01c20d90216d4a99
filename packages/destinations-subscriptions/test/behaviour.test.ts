import {
  compileFql,
  ConditionsError,
  conditionsToFql,
  FqlGenerateError,
  FqlSyntaxError,
  fqlToConditions,
  generateFql,
  get,
  parseFql,
  validate
} from '../src'
import type { Subscription } from '../src'

const errorOf = (fql: string): FqlSyntaxError => {
  const result = parseFql(fql)
  if (!('error' in result)) throw new Error(`expected ${fql} to fail`)
  return result.error as FqlSyntaxError
}

describe('syntax errors', () => {
  test.each([
    ['event =', 'Expected a value after "=" at line 1, column 8, found end of input', 1, 8],
    ['type = "a" and\nevent = "b" or name = "c"', 'without parentheses is ambiguous', 2, 13],
    ['type = "track")', 'Unbalanced ")"', 1, 15],
    ['event = "unterminated', 'Unterminated string', 1, 9],
    ['properties.total < 1e5', 'Invalid number "1e5"', 1, 20],
    ['anonymousId != null', 'Unknown field "anonymousId"', 1, 1],
    ['type = "a" event = "b"', 'Expected "and", "or" or end of input', 1, 12],
    ['!event = "x"', '"!" can only negate contains(...) or match(...)', 1, 2],
    ['contains(event)', 'Expected ","', 1, 15],
    ['event == "x"', 'Unknown operator "=="', 1, 7]
  ])('%j', (fql, message, line, column) => {
    const error = errorOf(fql)
    expect(error).toBeInstanceOf(FqlSyntaxError)
    expect(error.message).toContain(message)
    expect(error.line).toBe(line)
    expect(error.column).toBe(column)
  })

  test('parseFql never throws, even for non-strings', () => {
    expect(parseFql(undefined as unknown as string)).toHaveProperty('error')
  })
})

describe('sound parsing', () => {
  test('any depth of parentheses; single groups collapse', () => {
    const ast = parseFql('((type = "a")) and (event = "b" or (name = "c" and userId = "d"))')
    expect(ast).toEqual({
      type: 'group',
      operator: 'and',
      children: [
        { type: 'event-type', operator: '=', value: 'a' },
        {
          type: 'group',
          operator: 'or',
          children: [
            { type: 'event', operator: '=', value: 'b' },
            {
              type: 'group',
              operator: 'and',
              children: [
                { type: 'name', operator: '=', value: 'c' },
                { type: 'userId', operator: '=', value: 'd' }
              ]
            }
          ]
        }
      ]
    })
  })

  test('OR in capitals is "or"', () => {
    expect(parseFql('type = "a" OR type = "b"')).toMatchObject({ operator: 'or' })
  })

  test.each([
    ['match(event, "Order*")', 'starts_with', 'Order'],
    ['match(event, "*Done")', 'ends_with', 'Done'],
    ['match(event, "*Order*")', 'contains', 'Order'],
    ['match(event, "Order")', '=', 'Order'],
    ['!match(event, "*Order*")', 'not_contains', 'Order']
  ])('%s', (fql, operator, value) => {
    expect(parseFql(fql)).toEqual({ type: 'group', operator: 'and', children: [{ type: 'event', operator, value }] })
  })

  test('escaped quotes in strings round-trip', () => {
    const ast = parseFql('event = "say \\"hi\\""')
    expect(ast).toEqual({
      type: 'group',
      operator: 'and',
      children: [{ type: 'event', operator: '=', value: 'say "hi"' }]
    })
    expect(generateFql(ast)).toBe('event = "say \\"hi\\""')
  })
})

describe('matching', () => {
  test('only own properties are read', () => {
    const event = { properties: {} }
    for (const name of ['constructor', '__proto__', 'toString', 'constructor.prototype']) {
      const ast: Subscription = {
        type: 'group',
        operator: 'and',
        children: [{ type: 'event-property', name, operator: 'exists' }]
      }
      expect(validate(ast, event)).toBe(false)
      expect(compileFql(ast)(event)).toBe(false)
    }
  })

  test('non-object events do not crash', () => {
    const predicate = compileFql('event != "x"')
    for (const event of [null, undefined, 42, 'text', []]) {
      expect(predicate(event)).toBe(true)
      expect(validate(parseFql('event != "x"'), event)).toBe(true)
    }
  })

  test('!= true on a property matches only when the value is not true', () => {
    const predicate = compileFql('properties.flag != true')
    expect(predicate({ properties: { flag: true } })).toBe(false)
    expect(predicate({ properties: { flag: 'true' } })).toBe(true)
  })

  test('compileFql throws FqlSyntaxError for bad FQL and caches good FQL by content', () => {
    expect(() => compileFql('event =')).toThrow(FqlSyntaxError)
    const first = compileFql('type = "track"')
    expect(compileFql(['type', '=', '"track"'].join(' '))).toBe(first)
  })
})

describe('generateFql errors', () => {
  test('numeric operator with a non-number value', () => {
    expect(() =>
      generateFql({
        type: 'group',
        operator: 'and',
        children: [{ type: 'event-property', name: 'n', operator: '<', value: 'abc' }]
      })
    ).toThrow(FqlGenerateError)
  })
  test('an empty query is written as "", as in the reference; an empty group inside one is an error', () => {
    expect(generateFql({ type: 'group', operator: 'and', children: [] })).toBe('')
    expect(
      generateFql({ type: 'group', operator: 'and', children: [{ type: 'group', operator: 'or', children: [] }] })
    ).toBe('')
    expect(() =>
      generateFql({
        type: 'group',
        operator: 'and',
        children: [
          { type: 'event', operator: '=', value: 'a' },
          { type: 'group', operator: 'or', children: [] }
        ]
      })
    ).toThrow('An empty group')
  })
  test('a failed parse result throws its error as it is, as in the reference', () => {
    const failed = parseFql('event =')
    expect('error' in failed).toBe(true)
    expect(() => generateFql(failed)).toThrow((failed as { error: Error }).error)
    const thrown = (() => {
      try {
        generateFql({ error: 'plain text' } as unknown as Subscription)
      } catch (error) {
        return error
      }
    })()
    expect(thrown).toBe('plain text')
  })
  test('large and tiny numbers are written without exponents', () => {
    const ast: Subscription = {
      type: 'group',
      operator: 'or',
      children: [
        { type: 'event-property', name: 'a', operator: '<', value: 1e21 },
        { type: 'event-property', name: 'b', operator: '>', value: -1.5e-7 }
      ]
    }
    expect(generateFql(ast)).toBe('properties.a < 1000000000000000000000 or properties.b > -0.00000015')
    expect(parseFql(generateFql(ast))).toEqual(ast)
  })
})

describe('get', () => {
  test('paths, defaults and own properties', () => {
    const object = { a: { b: [{ c: 1 }] }, n: null }
    expect(get(object, 'a.b[0].c')).toBe(1)
    expect(get(object, 'a.b.0.c')).toBe(1)
    expect(get(object, ['a', 'b'])).toEqual([{ c: 1 }])
    expect(get(object, 'a.x', 'default')).toBe('default')
    expect(get(object, 'n', 'default')).toBeNull()
    expect(get(object, 'a.constructor', 'default')).toBe('default')
  })
})

describe('condition groups', () => {
  test('to FQL and back', () => {
    const group = {
      operator: 'ANY' as const,
      conditions: [
        { type: 'event-type' as const, operator: 'is' as const, value: 'track' },
        { type: 'event' as const, operator: 'starts_with' as const, value: 'Order' },
        {
          type: 'event-property' as const,
          property: 'properties.total',
          operator: 'greater_than' as const,
          value: 100
        },
        { type: 'event-property' as const, property: 'properties.coupon', operator: 'not_exists' as const }
      ]
    }
    const fql = conditionsToFql(group)
    expect(fql).toBe('type = "track" or match(event, "Order*") or properties.total > 100 or properties.coupon = null')
    expect(fqlToConditions(fql)).toEqual(group)
    // "does not exist" matches null and missing.
    const predicate = compileFql(conditionsToFql({ operator: 'ALL', conditions: [group.conditions[3]] }))
    expect(predicate({ properties: { coupon: null } })).toBe(true)
    expect(predicate({ properties: {} })).toBe(true)
    expect(predicate({ properties: { coupon: 'X' } })).toBe(false)
  })

  test('clear errors', () => {
    expect(() => fqlToConditions('type = "a" and (event = "b" or event = "c")')).toThrow(ConditionsError)
    expect(() => fqlToConditions('userId = "u"')).toThrow('has no equivalent in a condition group')
    expect(() => fqlToConditions('event =')).toThrow(FqlSyntaxError)
    expect(() =>
      conditionsToFql({
        operator: 'ALL',
        conditions: [{ type: 'event-property', property: 'properties.total', operator: 'less_than', value: 'x' }]
      })
    ).toThrow(expect.objectContaining({ path: 'conditions[0].value' }))
  })
})
