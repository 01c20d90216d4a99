import fc from 'fast-check'
import {
  directiveRegistry,
  flattenObject,
  getFieldValueKeys,
  MappingAggregateError,
  MappingDataError,
  MAX_DATA_DEPTH,
  MAX_FLATTEN_VALUES,
  MAX_MAPPING_DEPTH,
  transform,
  validate,
  ValidationError
} from '../../src/mapping-kit'
import type { DirectiveDefinition } from '../../src/mapping-kit'

// Regression tests for issue #16 (hostile input to mapping-kit), and the fuzzers that found them.

/** `levels` directives of `keyword`, each holding the next in the place that takes a mapping. */
function nest(keyword: string, levels: number): unknown {
  let inner: unknown = { '@path': '$.userId' }
  for (let i = 0; i < levels; i++) {
    if (keyword === '@if') inner = { '@if': { exists: inner, then: inner } }
    if (keyword === '@case') inner = { '@case': { operator: 'lower', value: inner } }
    if (keyword === '@replace') inner = { '@replace': { pattern: 'a', replacement: 'b', value: inner } }
    if (keyword === '@transform') inner = { '@transform': { apply: { v: inner }, mapping: { v: { '@path': '$.v' } } } }
  }
  return inner
}

/** Counts the calls of one directive's `validate` while `run` runs. */
function countValidations(keyword: string, run: () => void): number {
  const definition = directiveRegistry.get(keyword) as DirectiveDefinition
  const spy = jest.spyOn(definition, 'validate')
  try {
    run()
    return spy.mock.calls.length
  } finally {
    spy.mockRestore()
  }
}

describe('validation cost is linear in the mapping', () => {
  test.each(['@case', '@replace', '@transform'])('%s nested 22 deep validates each level once', (keyword) => {
    expect(countValidations(keyword, () => validate({ v: nest(keyword, 22) }))).toBe(22)
  })

  test('@if shares its condition and branch: each distinct node is validated once', () => {
    // 30 levels, each `exists` and `then` the same object: 2^30 paths, 30 nodes.
    expect(countValidations('@if', () => validate({ v: nest('@if', 30) }))).toBe(30)
  })

  test('errors are still reported at every place (same messages as before)', () => {
    const mapping = { a: { '@case': { operator: 5, value: 'x' } }, b: { '@case': { operator: 'lower', value: 6 } } }
    expect(() => validate(mapping)).toThrow(MappingAggregateError)
    expect(() => validate(mapping)).toThrow(
      '/a/@case/operator should be a string but it is a number.\n/b/@case/value should be a string or a mapping directive but it is a number.'
    )
  })
})

describe('mapping depth is bounded', () => {
  test(`a mapping nested deeper than ${MAX_MAPPING_DEPTH} levels fails validation naming the place`, () => {
    expect(() => transform({ v: nest('@case', 60) } as never, {})).toThrow(
      `/v/@case/value/@case/value/… is nested deeper than ${MAX_MAPPING_DEPTH} levels.`
    )
    // 50 levels of @case is 100 location segments: still accepted.
    expect(transform({ v: nest('@case', 49) } as never, { userId: 'U' })).toEqual({ v: 'u' })
  })

  test('arrays and @literal values (not validated) are bounded when compiling', () => {
    let deep: unknown = 1
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(() => transform({ v: deep } as never, {})).toThrow(ValidationError)
    expect(() => transform({ v: { '@literal': deep } } as never, {})).toThrow(
      `The mapping is nested deeper than ${MAX_MAPPING_DEPTH} levels.`
    )
  })

  test('a cyclic mapping object fails validation instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => validate({ v: cyclic })).toThrow(/is nested deeper than 100 levels/)
  })

  test('@merge items (validated at "/") are bounded too: cyclic and 5,000-deep', () => {
    const cyclic = { '@merge': { objects: [] as unknown[], direction: 'left' } }
    cyclic['@merge'].objects.push(cyclic)
    expect(() => validate({ v: cyclic })).toThrow('/… is nested deeper than 100 levels.')
    let deep: unknown = { a: 1 }
    for (let i = 0; i < 5000; i++) deep = { '@merge': { objects: [deep], direction: 'left' } }
    expect(() => transform({ v: deep } as never, {})).toThrow('/@merge/… is nested deeper than 100 levels.')
  })

  test('getFieldValueKeys of a cyclic mapping gives a ValidationError, keys of a valid one are found', () => {
    const cyclic: Record<string, unknown> = { a: { '@path': '$.x' } }
    cyclic.self = cyclic
    expect(() => getFieldValueKeys(cyclic as never)).toThrow(ValidationError)
    expect(getFieldValueKeys(nest('@case', 40) as never)).toEqual(['$.userId'])
  })
})

function deepObject(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  let node = root
  for (let i = 0; i < depth; i++) node = node.a = {}
  return root
}

function cyclicObject(): Record<string, unknown> {
  const cyclic: Record<string, unknown> = { x: 1 }
  cyclic.self = cyclic
  return cyclic
}

function errorOf(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('deep or cyclic event data gives MappingDataError, never a RangeError', () => {
  test('@path of a 10,000-deep object names the path and the limit', () => {
    const error = errorOf(() => transform({ v: { '@path': '$.a' } }, deepObject(10_000)))
    expect(error).toBeInstanceOf(MappingDataError)
    expect((error as Error).message).toBe(
      `The event data at $.a.a.a.a.a.a.a.a.… is nested deeper than ${MAX_DATA_DEPTH} levels.`
    )
  })

  test('data up to the documented depth is copied', () => {
    const result = transform({ v: { '@path': '$.a' } }, deepObject(MAX_DATA_DEPTH)) as Record<string, unknown>
    expect(JSON.stringify(result)).toBe(JSON.stringify({ v: deepObject(MAX_DATA_DEPTH - 1) }))
  })

  test.each([
    ['@path', { '@path': '$.c' }, '$.c.self'],
    ['@merge', { '@merge': { objects: [{ '@path': '$.c' }], direction: 'right' } }, '$.c.self'],
    ['@arrayPath', { '@arrayPath': ['$.list'] }, '$.list.0.self'],
    ['@arrayPath with a shape', { '@arrayPath': ['$.list', { s: { '@path': '$.self' } }] }, '$.list.0.self']
  ])('%s of a cyclic object', (_name, directive, path) => {
    const cyclic = cyclicObject()
    const error = errorOf(() =>
      transform({ v: directive } as never, path.startsWith('$.c') ? { c: cyclic } : { list: [cyclic] })
    )
    expect(error).toBeInstanceOf(MappingDataError)
    expect((error as MappingDataError).path).toBe(path)
    expect((error as Error).message).toBe(`The event data is cyclic: ${path} contains itself.`)
  })

  test('@json encode of a cyclic object keeps its own error', () => {
    expect(() =>
      transform({ v: { '@json': { mode: 'encode', value: { '@path': '$.c' } } } }, { c: cyclicObject() })
    ).toThrow(/^@json: the value cannot be encoded/)
  })
})

describe('@flatten limits', () => {
  test('a cyclic value names the place', () => {
    const error = errorOf(() =>
      transform({ v: { '@flatten': { value: { '@path': '$.c' }, separator: '.' } } }, { c: { a: cyclicObject() } })
    )
    expect(error).toBeInstanceOf(MappingDataError)
    expect((error as Error).message).toBe('@flatten: the value is cyclic at "a.self".')
  })

  test(`more than ${MAX_FLATTEN_VALUES} values is refused, that many is flattened`, () => {
    const tooMany = new Array(MAX_FLATTEN_VALUES).fill(1)
    expect(() => flattenObject(tooMany)).toThrow(
      `@flatten: the value has more than ${MAX_FLATTEN_VALUES} nested values.`
    )
    expect(Object.keys(flattenObject(tooMany.slice(1))).length).toBe(MAX_FLATTEN_VALUES - 1)
  })

  test('a 2,000,000-item array stops at the limit', () => {
    expect(() => flattenObject(new Array(2_000_000).fill(0))).toThrow(MappingDataError)
  })
})

describe('@liquid never changes the event', () => {
  test.each([
    ['{% increment userId %}{{ userId }}', '01'],
    ['{% increment c %}{% increment c %}{{ c }}', '012'],
    ['{% decrement n %}{{ n }}', '22'],
    ['{% assign userId = 5 %}{{ userId }}', '5']
  ])('%s renders %s (as the reference) and leaves the event alone', (template, output) => {
    const event = { userId: 'u1', n: 3, traits: { a: 1 } }
    const before = JSON.stringify(event)
    expect(transform({ v: { '@liquid': template } }, event)).toEqual({ v: output })
    expect(JSON.stringify(event)).toBe(before)
  })

  test('the render limit applies inside one filter call', () => {
    const items = Array.from({ length: 2_000_000 }, (_, i) => ({ a: i % 3 }))
    expect(() => transform({ v: { '@liquid': '{{ items | where: "a", 1 | size }}' } }, { items })).toThrow(
      'template render limit exceeded'
    )
  })

  test('where and sum still give their results', () => {
    const event = { items: [{ a: 1 }, { a: 2 }, { a: 1 }] }
    expect(transform({ v: { '@liquid': '{{ items | where: "a", 1 | size }}/{{ items | sum: "a" }}' } }, event)).toEqual(
      { v: '2/4' }
    )
  })
})

describe('fuzz: hostile mappings and data', () => {
  const keywords = ['@if', '@case', '@replace', '@transform']

  test('random nestings validate with a linear number of calls or fail with a ValidationError', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keywords), { maxLength: 80 }), (chain) => {
        let mapping: unknown = { '@path': '$.userId' }
        for (const keyword of chain) mapping = wrap(keyword, mapping)
        let calls = 0
        const spies = keywords.map((keyword) =>
          jest.spyOn(directiveRegistry.get(keyword) as DirectiveDefinition, 'validate')
        )
        try {
          validate({ v: mapping })
        } catch (error) {
          expect(error instanceof ValidationError || error instanceof MappingAggregateError).toBe(true)
        } finally {
          calls = spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0)
          spies.forEach((spy) => spy.mockRestore())
        }
        expect(calls).toBeLessThanOrEqual(chain.length)
      }),
      { numRuns: 150 }
    )
  })

  test('random @liquid tags never change the event', () => {
    const names = ['userId', 'n', 'traits', 'c', '__proto__', 'constructor']
    const piece = fc.oneof(
      fc.constantFrom(...names).map((name) => `{% increment ${name} %}`),
      fc.constantFrom(...names).map((name) => `{% decrement ${name} %}`),
      fc.constantFrom(...names).map((name) => `{% assign ${name} = 1 %}`),
      fc.constantFrom(...names).map((name) => `{% capture ${name} %}x{% endcapture %}`),
      fc.constantFrom(...names).map((name) => `{{ ${name} }}`),
      fc.constant('{% cycle "a", "b" %}')
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const event = { userId: 'u1', n: 3, traits: { a: [1, 2] } }
        const before = JSON.stringify(event)
        try {
          transform({ v: { '@liquid': pieces.join('') } }, event)
        } catch (error) {
          expect(error).not.toBeInstanceOf(RangeError)
          expect(error).not.toBeInstanceOf(TypeError)
        }
        expect(JSON.stringify(event)).toBe(before)
        expect(Object.getPrototypeOf(event)).toBe(Object.prototype)
        expect(Object.prototype).not.toHaveProperty('c')
      }),
      { numRuns: 300 }
    )
  })

  test('random deep or cyclic data: a result or MappingDataError, never an engine error', () => {
    const mappings = [
      { v: { '@path': '$.d' } },
      { v: { '@merge': { objects: [{ '@path': '$.d' }], direction: 'left' } } },
      { v: { '@arrayPath': ['$.list'] } },
      { v: { '@flatten': { value: { '@path': '$.d' }, separator: '_' } } },
      { v: { '@json': { mode: 'encode', value: { '@path': '$.d' } } } }
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12_000 }),
        fc.boolean(),
        fc.constantFrom(...mappings),
        (depth, cyclic, mapping) => {
          // A cycle under a long chain is copied once per turn until the stack ends: keep it short here.
          const d = deepObject(cyclic ? depth % 50 : depth)
          if (cyclic) d.back = d
          try {
            transform(mapping as never, { d, list: [d] })
          } catch (error) {
            expect(error).not.toBeInstanceOf(RangeError)
            expect(error).not.toBeInstanceOf(TypeError)
          }
        }
      ),
      { numRuns: 40 }
    )
  })
})

/** One level of `keyword` around `inner`. */
function wrap(keyword: string, inner: unknown): unknown {
  if (keyword === '@if') return { '@if': { exists: inner, then: inner } }
  if (keyword === '@case') return { '@case': { operator: 'lower', value: inner } }
  if (keyword === '@replace') return { '@replace': { pattern: 'a', replacement: 'b', value: inner } }
  return { '@transform': { apply: { v: inner }, mapping: { v: { '@path': '$.v' } } } }
}
