import fc from 'fast-check'
import { compileFql, conditionsToFql, fqlToConditions, generateFql, parseFql, validate } from '../src'
import { canonicalAst, conditionGroup, event, looseAst } from './arbitraries'
import { isEngineError } from './conformance'

const FQL_PIECES = [
  'type',
  'event',
  'name',
  'userId',
  'properties',
  'traits',
  'context',
  '.',
  'x',
  'and',
  'or',
  'AND',
  '(',
  ')',
  '!',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '"a"',
  '"',
  "'",
  '\\',
  '1',
  '-2.5',
  'true',
  'null',
  'contains',
  'match',
  ',',
  ' ',
  '\n',
  '\r',
  '*',
  'é',
  '🎉'
]
const fqlish = fc.array(fc.constantFrom(...FQL_PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''))

describe('parseFql on random input', () => {
  test('never throws and never returns an engine error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fqlish), (input) => {
        const result = parseFql(input)
        if ('error' in result) {
          expect(isEngineError(result.error)).toBe(false)
          expect(result.error.message).toMatch(/line \d+, column \d+/)
        }
      }),
      { numRuns: 3000 }
    )
  })

  test('a 100k-character input completes (linear-time lexer and parser)', () => {
    const random = fc.sample(fc.string({ minLength: 100_000, maxLength: 100_000 }), { numRuns: 1, seed: 7 })[0]
    const result = parseFql(random)
    expect(result).toHaveProperty('error')
    // A long valid query too: 5,000 conditions.
    const long = Array.from({ length: 5000 }, (_, i) => `properties.p${i} = ${i}`).join(' and ')
    const ast = parseFql(long)
    expect('children' in ast && ast.children.length).toBe(5000)
    // Deep parentheses are refused with an error, not a stack overflow.
    const deep = '('.repeat(50_000) + 'type = "x"' + ')'.repeat(50_000)
    const deepResult = parseFql(deep)
    expect(deepResult).toHaveProperty('error')
    if ('error' in deepResult) expect(isEngineError(deepResult.error)).toBe(false)
  })
})

describe('generateFql / parseFql round trip', () => {
  test('random ASTs survive parseFql(generateFql(ast))', () => {
    fc.assert(
      fc.property(canonicalAst, (ast) => {
        expect(parseFql(generateFql(ast))).toEqual(ast)
      }),
      { numRuns: 1500 }
    )
  })
})

describe('compiled matcher', () => {
  test('agrees with validate on random ASTs and events', () => {
    fc.assert(
      fc.property(fc.oneof(looseAst, canonicalAst), event, (ast, sample) => {
        const before = JSON.stringify(sample)
        expect(compileFql(ast)(sample)).toBe(validate(ast, sample))
        expect(JSON.stringify(sample)).toBe(before)
      }),
      { numRuns: 3000 }
    )
  })

  test('agrees with validate when compiled from generated FQL', () => {
    fc.assert(
      fc.property(canonicalAst, event, (ast, sample) => {
        expect(compileFql(generateFql(ast))(sample)).toBe(validate(ast, sample))
      }),
      { numRuns: 1000 }
    )
  })
})

describe('condition groups', () => {
  test('round-trip through FQL', () => {
    fc.assert(
      fc.property(conditionGroup, (group) => {
        expect(fqlToConditions(conditionsToFql(group))).toEqual(group)
      }),
      { numRuns: 1500 }
    )
  })
})
