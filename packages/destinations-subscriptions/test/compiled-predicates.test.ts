import fc from 'fast-check'
import { clearFqlCache, compileFql, generateFql, parseFql, validate } from '../src'
import type { Operator, Subscription } from '../src'
import { exactTextPattern } from '../src/exact-text'
import { closurePredicate } from '../src/predicate-closures'
import { generatedPredicate } from '../src/predicate-code'
import { canonicalAst, event, inheritingEvent, looseAst } from './arbitraries'

const anyEvent = fc.oneof(event, inheritingEvent)

describe('generated and closure predicates', () => {
  test('agree with validate on random ASTs and events, prototypes included', () => {
    fc.assert(
      fc.property(fc.oneof(looseAst, canonicalAst), anyEvent, (ast, sample) => {
        const expected = validate(ast, sample)
        const generated = generatedPredicate(ast)
        expect(generated).toBeDefined()
        expect(generated?.(sample)).toBe(expected)
        expect(closurePredicate(ast)(sample)).toBe(expected)
      }),
      { numRuns: 3000 }
    )
  })

  test('an inherited value counts as missing, at the top and on the way', () => {
    const inherited = Object.assign(Object.create({ type: 'track', properties: { a: 1 } }) as object, {
      event: 'x',
      context: Object.assign(Object.create({ page: { url: 'https://x.test' } }) as object, {})
    })
    const cases: [string, boolean][] = [
      ['type = "track"', false],
      ['type != "track"', true],
      ['properties.a = null', true],
      ['properties.a = 1', false],
      ['properties.a > 0', false],
      ['properties.a != null', false],
      ['contains(context.page.url, "x.test")', false],
      ['event = "x"', true]
    ]
    for (const [fql, expected] of cases) {
      expect([fql, validate(parseFql(fql), inherited)]).toEqual([fql, expected])
      expect([fql, compileFql(fql)(inherited)]).toEqual([fql, expected])
      expect([fql, compileFql(parseFql(fql))(inherited)]).toEqual([fql, expected])
    }
  })

  test("an array's length is its own, a typed array's comes from its prototype", () => {
    const sample = { properties: { list: [1, 2], bytes: new Uint8Array(2) } }
    const cases: [string, Operator, number, boolean][] = [
      ['list.length', '>', 1, true],
      ['bytes.length', '>', 1, false],
      ['bytes.0', 'number_equals', 0, true]
    ]
    for (const [name, operator, value, expected] of cases) {
      const ast: Subscription = {
        type: 'group',
        operator: 'and',
        children: [{ type: 'event-property', name, operator, value }]
      }
      expect([name, validate(ast, sample)]).toEqual([name, expected])
      expect([name, compileFql(ast)(sample)]).toEqual([name, expected])
    }
  })

  test('values and names that are not plain words are matched as data, never as code', () => {
    const hostile = ['"', '\\', '"); throw 1; ("', '${e}', '\n', '\u2028', '\ud800', '</script>', "'"]
    for (const text of hostile) {
      const ast: Subscription = {
        type: 'group',
        operator: 'and',
        children: [
          { type: 'event', operator: '=', value: text },
          { type: 'event-property', name: text, operator: 'contains', value: text }
        ]
      }
      const matching = { event: text, properties: { [text]: `-${text}-` } }
      expect(compileFql(ast)(matching)).toBe(true)
      expect(compileFql(ast)({ ...matching, event: `${text} ` })).toBe(false)
    }
  })

  test('numbers that have no plain literal compare as numbers', () => {
    const compare = (operator: '<' | '>' | 'number_equals', value: number, actual: number): boolean =>
      compileFql({
        type: 'group',
        operator: 'and',
        children: [{ type: 'event-property', name: 'n', operator, value }]
      })({ properties: { n: actual } })
    expect(compare('<', Infinity, 1e308)).toBe(true)
    expect(compare('>', -Infinity, -1e308)).toBe(true)
    expect(compare('number_equals', NaN, NaN)).toBe(false)
    expect(compare('number_equals', -0, 0)).toBe(true)
    expect(compare('<', -2.5, -3)).toBe(true)
    expect(compare('<', -2.5, -2)).toBe(false)
  })

  test('deep or large ASTs are left to closures, with the same answers', () => {
    let deep: Subscription = {
      type: 'group',
      operator: 'and',
      children: [{ type: 'event', operator: '=', value: 'x' }]
    }
    for (let i = 0; i < 40; i++) deep = { type: 'group', operator: i % 2 ? 'and' : 'or', children: [deep] }
    const wide: Subscription = {
      type: 'group',
      operator: 'or',
      children: Array.from({ length: 300 }, (_, i) => ({
        type: 'event' as const,
        operator: '=' as const,
        value: `e${i}`
      }))
    }
    expect(generatedPredicate(deep)).toBeUndefined()
    expect(generatedPredicate(wide)).toBeUndefined()
    for (const sample of [{ event: 'x' }, { event: 'e299' }, { event: 'y' }]) {
      expect(compileFql(deep)(sample)).toBe(validate(deep, sample))
      expect(compileFql(wide)(sample)).toBe(validate(wide, sample))
    }
    expect(compileFql(deep)({ event: 'x' })).toBe(true)
    expect(compileFql(wide)({ event: 'e299' })).toBe(true)
  })
})

describe('without code generation (a Content-Security-Policy that forbids eval)', () => {
  test('compileFql falls back to closures with the same answers', () => {
    const queries = [
      'type = "track" and event = "Order Completed"',
      'type = "track" and (properties.revenue > 10 or properties.currency = "USD")',
      'event = "Order Completed" and contains(context.page.url, "x.test") and !match(event, "Foo*")'
    ]
    const samples = [
      { type: 'track', event: 'Order Completed', properties: { revenue: 5, currency: 'USD' } },
      { type: 'track', event: 'Foo', properties: { revenue: 11 }, context: { page: { url: 'https://x.test' } } },
      { type: 'identify' }
    ]
    const withCodeGeneration = queries.map((fql) => samples.map((sample) => compileFql(fql)(sample)))
    const RealFunction = globalThis.Function
    let withoutCodeGeneration: boolean[][] = []
    let generatedWhenRefused: unknown
    jest.isolateModules(() => {
      globalThis.Function = function refuse() {
        throw new EvalError('Code generation from strings disallowed for this context')
      } as unknown as FunctionConstructor
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated = require('../src') as typeof import('../src')
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const code = require('../src/predicate-code') as typeof import('../src/predicate-code')
        generatedWhenRefused = code.generatedPredicate(parseFql(queries[0]))
        withoutCodeGeneration = queries.map((fql) => samples.map((sample) => isolated.compileFql(fql)(sample)))
      } finally {
        globalThis.Function = RealFunction
      }
    })
    expect(generatedWhenRefused).toBeUndefined()
    expect(withoutCodeGeneration).toEqual([
      [true, false, false],
      [true, true, false],
      [false, false, false]
    ])
    expect(withoutCodeGeneration).toEqual(withCodeGeneration)
  })
})

describe('front cache of recent queries', () => {
  test('queries of the same length keep their own predicates, more of them than the front holds', () => {
    clearFqlCache()
    // Same length: they share a front slot of two entries; lengths 14 and 270 share one too.
    const queries = ['type = "track"', 'type = "trick"', 'type = "truck"', `type = "${'t'.repeat(261)}"`]
    for (let round = 0; round < 3; round++) {
      for (const fql of queries) {
        const value = fql.slice(8, -1)
        const predicate = compileFql(` ${fql} `.slice(1, -1))
        expect([fql, predicate({ type: value })]).toEqual([fql, true])
        expect([fql, predicate({ type: 'trac' })]).toEqual([fql, false])
      }
    }
  })

  test('a query asked for many times keeps its answers as it moves from closures to generated code', () => {
    fc.assert(
      fc.property(canonicalAst, anyEvent, (ast, sample) => {
        const fql = generateFql(ast)
        const expected = validate(ast, sample)
        const predicates = new Set<unknown>()
        for (let use = 0; use < 12; use++) {
          const predicate = compileFql(` ${fql} `.slice(1, -1))
          predicates.add(predicate)
          expect(predicate(sample)).toBe(expected)
        }
        // At most one switch: closures first, then generated code.
        expect(predicates.size).toBeLessThanOrEqual(2)
      }),
      { numRuns: 300 }
    )
  })

  test('a fresh copy of a query finds the same predicate', () => {
    const padded = ' event = "a\\"b" or type = "x" '
    const first = compileFql(padded.slice(1, -1))
    expect(compileFql(padded.slice(1, -1))).toBe(first)
    expect(first({ event: 'a"b' })).toBe(true)
  })
})

describe('exactTextPattern', () => {
  test('matches exactly its text, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 3 }), (text, extra) => {
        const pattern = exactTextPattern(text)
        expect(pattern.test(text)).toBe(true)
        if (extra !== '') {
          expect(pattern.test(text + extra)).toBe(false)
          expect(pattern.test(extra + text)).toBe(false)
        }
        if (text !== '') expect(pattern.test(text.slice(1))).toBe(false)
      }),
      { numRuns: 1000 }
    )
    for (const text of ['a.c', '(x)*', 'a\nb', '[^]', '\\d', '$', 'a|b']) {
      expect(exactTextPattern(text).test(text)).toBe(true)
    }
    expect(exactTextPattern('a.c').test('abc')).toBe(false)
    expect(exactTextPattern('a').test('a\n')).toBe(false)
    expect(exactTextPattern('a').test('A')).toBe(false)
  })
})
