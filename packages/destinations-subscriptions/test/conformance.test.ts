import { generateFql, parseFql, validate, compileFql, FqlSyntaxError } from '../src'
import type { Subscription } from '../src'
import { decode, encode, isEngineError, loadCases } from './conformance'

type Event = Record<string, unknown>
const props = (event: Event): Record<string, unknown> =>
  typeof event.properties === 'object' && event.properties !== null ? (event.properties as Record<string, unknown>) : {}

/** The sound outcome of each FQL the corpus marks as a reference defect: a predicate, or 'error'. */
const soundMatch: Record<string, 'error' | ((event: Event) => boolean)> = {
  'properties.flag != true': (event) => props(event).flag !== true,
  'properties.tags.0 = "a"': 'error',
  'match(event, "Order*Completed")': 'error',
  'match(event, "Order Complete?")': (event) => event.event === 'Order Complete?',
  'match(event, "Order Completed")': (event) => event.event === 'Order Completed',
  'type = "track" and event = "Order Completed" or type = "page"': 'error',
  'type = "page" or type = "track" and event = "Signed Up"': 'error',
  'type = "identify" or (type = "track" and (event = "Order Completed" or event = "Signed Up"))': (event) =>
    event.type === 'identify' ||
    (event.type === 'track' && (event.event === 'Order Completed' || event.event === 'Signed Up')),
  '!(type = "track")': 'error',
  'foo = "x" and type = "track"': 'error',
  "event = 'Order Completed'": (event) => event.event === 'Order Completed'
}

describe('conformance: fql-parse', () => {
  for (const c of loadCases('fql-parse.json')) {
    const fql = c.fql as string
    test(`${c.defect ? '[defect] ' : ''}${c.name}`, () => {
      const result = parseFql(fql)
      if ('error' in result) expect(isEngineError(result.error)).toBe(false)
      if (c.defect) {
        // Sound behaviour: a positioned FqlSyntaxError, or (nested parens) the nested tree.
        if (c.name === 'grouping: nested parens') {
          expect(result).toEqual({
            type: 'group',
            operator: 'or',
            children: [
              { type: 'event-type', operator: '=', value: 'identify' },
              {
                type: 'group',
                operator: 'and',
                children: [
                  { type: 'event-type', operator: '=', value: 'track' },
                  {
                    type: 'group',
                    operator: 'or',
                    children: [
                      { type: 'event', operator: '=', value: 'A' },
                      { type: 'event', operator: '=', value: 'B' }
                    ]
                  }
                ]
              }
            ]
          })
        } else if ('error' in result) {
          expect(result.error).toBeInstanceOf(FqlSyntaxError)
          expect(result.error.message).toMatch(/line \d+, column \d+/)
        } else {
          expect(soundParse[c.name]).toBeDefined()
          expect(result).toEqual(soundParse[c.name])
        }
        return
      }
      if ('error' in c) {
        expect(result).toHaveProperty('error')
      } else {
        expect(encode(result)).toEqual(c.ast)
      }
    })
  }
})

const single = (child: object): Subscription => ({ type: 'group', operator: 'and', children: [child] }) as Subscription

/** Defect parse cases that have a sound tree instead of an error. */
const soundParse: Record<string, Subscription> = {
  'quoting: empty single-quoted string': single({ type: 'event', operator: '=', value: '' }),
  'quoting: backslash-escaped double quotes in string': single({ type: 'event', operator: '=', value: 'He said "hi"' }),
  'identifiers: property named and': single({ type: 'event-property', name: 'and', operator: '=', value: 'x' }),
  'match: no star': single({ type: 'event', operator: '=', value: 'Order' }),
  'match: question mark glob': single({ type: 'event', operator: '=', value: 'Ord?r' }),
  'match: single-quoted glob': single({ type: 'event', operator: 'starts_with', value: 'Order' })
}

describe('conformance: fql-match', () => {
  for (const c of loadCases('fql-match.json')) {
    const fql = c.fql as string
    const event = decode(c.event) as Event
    test(`${c.defect ? '[defect] ' : ''}${c.name}: ${fql}`, () => {
      const before = JSON.stringify(event)
      const ast = parseFql(fql)
      const matches = validate(ast, event)
      if ('error' in ast) expect(isEngineError(ast.error)).toBe(false)
      expect(JSON.stringify(event)).toBe(before)
      if (c.defect) {
        const sound = soundMatch[fql]
        expect(sound).toBeDefined()
        if (sound === 'error') {
          expect(ast).toHaveProperty('error')
          expect(matches).toBe(false)
        } else {
          expect(ast).not.toHaveProperty('error')
          expect(matches).toBe(sound(event))
        }
        return
      }
      if ('parseError' in c) {
        expect(ast).toHaveProperty('error')
        expect(matches).toBe(false)
      } else {
        expect(ast).not.toHaveProperty('error')
        expect(matches).toBe(c.matches)
        // The compiled predicate agrees with validate.
        expect(compileFql(fql)(event)).toBe(c.matches)
      }
    })
  }
})

describe('conformance: fql-generate', () => {
  for (const c of loadCases('fql-generate.json')) {
    test(`${c.defect ? '[defect] ' : ''}${c.name}`, () => {
      const ast = decode(c.ast) as Subscription
      const before = JSON.stringify(ast)
      let output: { fql: string } | { error: unknown }
      try {
        output = { fql: generateFql(ast) }
      } catch (error) {
        output = { error }
      }
      expect(JSON.stringify(ast)).toBe(before)
      if ('error' in output) expect(isEngineError(output.error)).toBe(false)
      if (c.defect) {
        // Sound behaviour: either a clear error or FQL that reads back to the same tree.
        if ('fql' in output) expect(parseFql(output.fql)).toEqual(ast)
        else expect((output.error as Error).name).toBe('FqlGenerateError')
        return
      }
      if ('error' in c) {
        expect('error' in output).toBe(true)
        expect((output as { error: Error }).error.message).toBe(c.error)
      } else {
        expect(output).toEqual({ fql: c.fql })
      }
    })
  }
})
