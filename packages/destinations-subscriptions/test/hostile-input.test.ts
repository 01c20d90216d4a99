import fc from 'fast-check'
import {
  compileFql,
  FqlGenerateError,
  FqlSyntaxError,
  generateFql,
  MAX_FQL_LENGTH,
  MAX_NESTING_DEPTH,
  parseFql,
  validate
} from '../src'
import type { GroupCondition } from '../src'
import { canonicalAst, event, propertyName } from './arbitraries'
import { isEngineError } from './conformance'

// Regression tests for issue #16 (hostile input), and the fuzzers that found the problems.

function errorOf(fql: string): Error {
  const result = parseFql(fql)
  if (!('error' in result)) throw new Error(`expected ${fql.slice(0, 20)} to fail`)
  return result.error
}

describe('lexer on huge input', () => {
  test('input longer than MAX_FQL_LENGTH is refused by length before reading it', () => {
    const error = errorOf('('.repeat(16e6))
    expect(error).toBeInstanceOf(FqlSyntaxError)
    expect(error.message).toBe(`FQL is too long: 16000000 characters, at most ${MAX_FQL_LENGTH} are accepted`)
    expect(() => compileFql('x'.repeat(MAX_FQL_LENGTH + 1))).toThrow(FqlSyntaxError)
  })

  test('reading stops at the first error: a megabyte of "(" costs no token list', () => {
    const input = '('.repeat(MAX_FQL_LENGTH)
    global.gc?.()
    const before = process.memoryUsage().heapUsed
    const error = errorOf(input)
    const grown = process.memoryUsage().heapUsed - before
    expect(error.message).toMatch(/nest|deep/i)
    // The whole token list was about 150 bytes per character (150 MB here).
    expect(grown).toBeLessThan(20 * 1024 * 1024)
  })

  test('an error far into valid text is still found and positioned', () => {
    const head = Array.from({ length: 2000 }, (_, i) => `properties.p${i} = ${i}`).join(' and ')
    const error = errorOf(`${head} and event == "x"`) as FqlSyntaxError
    expect(error.message).toContain('Unknown operator "=="')
    expect(error.offset).toBe(head.length + ' and event '.length)
  })
})

function nestedAst(depth: number): GroupCondition {
  let node: GroupCondition = {
    type: 'group',
    operator: 'or',
    children: [
      { type: 'event', operator: '=', value: 'a' },
      { type: 'event', operator: '=', value: 'b' }
    ]
  }
  for (let i = 0; i < depth; i++) {
    node = { type: 'group', operator: 'and', children: [{ type: 'event-type', operator: '=', value: 't' }, node] }
  }
  return node
}

describe('generateFql on deep or cyclic ASTs', () => {
  test('a 10,000-deep AST gives FqlGenerateError naming the limit, not a RangeError', () => {
    const attempt = () => generateFql(nestedAst(10_000))
    expect(attempt).toThrow(FqlGenerateError)
    expect(attempt).toThrow(`Groups are nested deeper than ${MAX_NESTING_DEPTH} levels (or the AST is cyclic)`)
  })

  test('a cyclic AST gives FqlGenerateError with the path', () => {
    const group = nestedAst(1) as unknown as { children: unknown[] }
    group.children.push(group)
    let caught: unknown
    try {
      generateFql(group as unknown as GroupCondition)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(FqlGenerateError)
    expect((caught as FqlGenerateError & { path: string }).path).toMatch(/^children\[2\]/)
  })

  test('the deepest AST the parser builds is written back and parses to the same tree', () => {
    const fql = '('.repeat(MAX_NESTING_DEPTH - 1) + 'type = "a" or type = "b"' + ')'.repeat(MAX_NESTING_DEPTH - 1)
    const ast = parseFql(fql)
    expect(ast).not.toHaveProperty('error')
    expect(parseFql(generateFql(ast))).toEqual(ast)
  })
})

describe('round trip of range operators with boolean values', () => {
  test('`> true` stays `> true` (the reference writes `> 1`)', () => {
    const ast = parseFql('properties.x > true')
    expect(generateFql(ast)).toBe('properties.x > true')
    expect(parseFql(generateFql(ast))).toEqual(ast)
  })

  test('fuzz: every range operator with any boolean or number survives the round trip', () => {
    fc.assert(
      fc.property(
        propertyName,
        fc.constantFrom('<', '<=', '>', '>='),
        fc.oneof(fc.boolean(), fc.integer()),
        (name, operator, value) => {
          const ast = {
            type: 'group',
            operator: 'and',
            children: [{ type: 'event-property', name, operator, value }]
          } as GroupCondition
          expect(parseFql(generateFql(ast))).toEqual(ast)
        }
      ),
      { numRuns: 300 }
    )
  })
})

/** An event whose `properties` throws when read, in one of the ways a caller's object can. */
const throwingEvents: Array<[string, () => unknown]> = [
  [
    'throwing getter',
    () =>
      Object.defineProperty({ type: 'track' }, 'properties', {
        enumerable: true,
        get() {
          throw new Error('getter')
        }
      })
  ],
  [
    'Proxy with throwing traps',
    () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('get trap')
          },
          has() {
            throw new Error('has trap')
          },
          getOwnPropertyDescriptor() {
            throw new Error('descriptor trap')
          }
        }
      )
  ]
]

describe('validate and compiled predicates never throw', () => {
  const queries = [
    'properties.x = 1',
    'type = "track" and properties.a.b != null',
    'properties.x = null or event = "e"'
  ]

  test.each(throwingEvents)('%s: no match, no exception', (_name, make) => {
    for (const query of queries) {
      const ast = parseFql(query)
      expect(validate(ast, make())).toBe(false)
      // Closures first, then (after a few uses) the generated function.
      for (let i = 0; i < 12; i++) expect(compileFql(query)(make())).toBe(false)
    }
  })

  test('fuzz: events with throwing reads at random places, against random ASTs', () => {
    const poisoned = fc.tuple(event, fc.constantFrom(...throwingEvents.map(([, make]) => make)), fc.nat(3))
    fc.assert(
      fc.property(canonicalAst, poisoned, (ast, [sample, make, where]) => {
        const target = [sample, sample.properties, sample.traits, sample.context][where] as Record<string, unknown>
        if (target !== null && typeof target === 'object') target.x = make()
        const expected = validate(ast, sample)
        expect(typeof expected).toBe('boolean')
        expect(compileFql(ast)(sample)).toBe(expected)
        const text = generateFql(ast)
        for (let i = 0; i < 9; i++) expect(compileFql(text)(sample)).toBe(expected)
      }),
      { numRuns: 300 }
    )
  })

  test('fuzz: random nesting of parentheses and groups never gives an engine error', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), fc.boolean(), (open, close, cyclic) => {
        const result = parseFql('('.repeat(open) + 'type = "a"' + ')'.repeat(close))
        if ('error' in result) expect(isEngineError(result.error)).toBe(false)
        const ast = nestedAst(open) as unknown as { children: unknown[] }
        if (cyclic) ast.children.push(ast)
        try {
          generateFql(ast as unknown as GroupCondition)
        } catch (error) {
          expect(error).toBeInstanceOf(FqlGenerateError)
        }
      }),
      { numRuns: 200 }
    )
  })
})
