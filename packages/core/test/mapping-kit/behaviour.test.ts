import {
  compileMapping,
  get,
  getFieldValueKeys,
  isPathDirective,
  removeUndefined,
  transform,
  transformBatch,
  validateMapping
} from '../../src/mapping-kit'

describe('safety', () => {
  it('never reads through the prototype', () => {
    const data = { o: { a: 1 }, s: 'abc' }
    expect(transform({ c: { '@path': '$.o.constructor' }, p: { '@path': '$.__proto__' } }, data)).toEqual({})
    expect(transform({ t: { '@template': '[{{constructor}}]' } }, data)).toEqual({ t: '[]' })
    expect(transform({ n: { '@path': '$.s.length' }, c: { '@path': '$.s.0' } }, data)).toEqual({ n: 3, c: 'a' })
    expect(get(data, 'o.toString')).toBeUndefined()
  })

  it('reads neither a polluted Object.prototype nor a custom prototype, in paths, templates and copies', () => {
    const proto = Object.prototype as Record<string, unknown>
    const mapping = {
      top: { '@path': '$.polluted' },
      deep: { '@path': '$.o.polluted' },
      own: { '@path': '$.same.polluted' },
      inherited: { '@path': '$.child.fromParent' },
      t: { '@template': '[{{o.polluted}}|{{child.fromParent}}]' },
      copy: { '@path': '$.o' },
      items: { '@arrayPath': ['$.list', { p: { '@path': '$.polluted' }, v: { '@path': '$.v' } }] }
    }
    const data = {
      o: { a: 1 },
      same: { polluted: 'x' },
      child: Object.create({ fromParent: 'p' }) as object,
      list: [{ v: 1 }]
    }
    // Compiled and run before the pollution too, so the engine has already seen these objects.
    expect(transform(mapping, data)).toEqual({ own: 'x', t: '[|]', copy: { a: 1 }, items: [{ v: 1 }] })
    proto.polluted = 'x'
    try {
      const result = transform(mapping, data) as Record<string, unknown>
      expect(result).toEqual({ own: 'x', t: '[|]', copy: { a: 1 }, items: [{ v: 1 }] })
      expect(Object.keys(result.copy as object)).toEqual(['a'])
    } finally {
      delete proto.polluted
    }
  })

  it('does not let __proto__ keys replace a prototype', () => {
    const mapping = JSON.parse(
      '{"__proto__": {"polluted": 1}, "v": {"@json": {"mode": "decode", "value": "{\\"__proto__\\": {\\"x\\": 1}, \\"a\\": 1}"}}}'
    )
    const result = transform(mapping, {}) as Record<string, Record<string, unknown>>
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(result.v)).toBe(Object.prototype)
    expect(result).toEqual({ v: { a: 1 } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const merged = transform(
      { m: { '@merge': { objects: [{ '@path': '$.o' }, { a: 2 }], direction: 'right' } } },
      JSON.parse('{"o": {"__proto__": {"x": 1}}}')
    ) as Record<string, object>
    expect(Object.getPrototypeOf(merged.m)).toBe(Object.prototype)
  })

  it('does not mutate the mapping or the event, and shares nothing with the event', () => {
    const mapping = { v: { '@replace': { pattern: 'a', value: { '@path': '$.s' } } }, o: { '@path': '$.o' } }
    const data = { s: 'banana', o: { deep: { x: 1, u: undefined } } }
    const before = JSON.stringify(mapping)
    const result = transform(mapping, data) as Record<string, Record<string, unknown>>
    expect(JSON.stringify(mapping)).toBe(before)
    expect(result.o).toEqual({ deep: { x: 1 } })
    expect(result.o).not.toBe(data.o)
    expect(result.o.deep).not.toBe(data.o.deep)
    expect('u' in data.o.deep).toBe(true)
  })

  it('gives clear errors for non-object roots and data', () => {
    expect(() => transform('abc' as never, {})).toThrow(
      'The mapping should be an object or a mapping directive but it is a string.'
    )
    expect(() => transform(null as never, {})).toThrow(/but it is a null/)
    expect(() => transform({ a: 1 }, [] as never)).toThrow('data must be an object, got array')
    expect(() => transform({ __segment_internal_directive: null } as never, {})).toThrow(
      'The root directive must be an object'
    )
  })

  it('bounds @liquid templates', () => {
    expect(() => transform({ v: { '@liquid': 'x'.repeat(1001) } }, {})).toThrow('limited to 1000 characters')
    expect(() => transform({ v: { '@liquid': '{% for i in (1..3) %}{% endfor %}' } }, {})).toThrow(
      'tag "for" is disabled'
    )
  })
})

describe('compiled form and caches', () => {
  it('compileMapping validates once and returns a reusable function', () => {
    const run = compileMapping({
      id: { '@path': '$.userId' },
      n: { '@case': { operator: 'upper', value: { '@path': '$.e' } } }
    })
    expect(run({ userId: 'u1', e: 'x' })).toEqual({ id: 'u1', n: 'X' })
    expect(run({ userId: 'u2' })).toEqual({ id: 'u2' })
    expect(() => compileMapping({ a: { '@path': 1 } })).toThrow(AggregateError)
  })

  it('reuses the compiled form for equal JSON mappings without confusing different ones', () => {
    const first = transform(JSON.parse('{"a": {"@path": "$.x"}, "b": 1}'), { x: 1 })
    const second = transform(JSON.parse('{"b": 1, "a": {"@path": "$.x"}}'), { x: 2 })
    expect(Object.keys(first)).toEqual(['a', 'b'])
    expect(Object.keys(second)).toEqual(['b', 'a'])
    // undefined has no JSON form: such a mapping is cached by identity only, and here rejected.
    expect(() => transform({ a: { '@literal': undefined } } as never, {})).toThrow(AggregateError)
  })

  it('never takes a mapping for another one whose JSON text is the same', () => {
    // Each pair serialises to the same JSON; the first of each is compiled and cached by content first.
    const pairs: Array<[unknown, unknown, unknown, unknown]> = [
      [{ v: [null] }, { v: [null] }, { v: [undefined] }, { v: [undefined] }],
      [{ v: null }, { v: null }, { v: NaN }, { v: NaN }],
      [{ v: 0 }, { v: 0 }, { v: -0 }, { v: -0 }],
      [{ v: '2020-01-01T00:00:00.000Z' }, { v: '2020-01-01T00:00:00.000Z' }, { v: new Date(0) }, undefined]
    ]
    pairs[3][2] = { v: new Date('2020-01-01T00:00:00.000Z') }
    pairs[3][3] = pairs[3][2]
    for (const [jsonMapping, jsonResult, otherMapping, otherResult] of pairs) {
      expect(transform(JSON.parse(JSON.stringify(jsonMapping)), {})).toStrictEqual(jsonResult)
      expect(transform(otherMapping as never, {})).toStrictEqual(otherResult)
      expect(transform(JSON.parse(JSON.stringify(jsonMapping)), {})).toStrictEqual(jsonResult)
    }
  })

  it('validation errors are thrown on every call', () => {
    const mapping = { a: { '@nope': 1 } }
    expect(() => transform(mapping, {})).toThrow(AggregateError)
    expect(() => transform(mapping, {})).toThrow(AggregateError)
  })

  it('transformBatch maps each event', () => {
    expect(transformBatch({ a: { '@path': '$.a' } }, [{ a: 1 }, { a: 2 }, {}])).toEqual([{ a: 1 }, { a: 2 }, {}])
  })
})

describe('helpers', () => {
  it('validateMapping, guards, keys and removeUndefined', () => {
    expect(validateMapping({ a: { '@path': '$.a' } })).toBeUndefined()
    expect(isPathDirective({ '@path': '$.a' })).toBe(true)
    expect(getFieldValueKeys({ a: { '@path': '$.a' }, b: { '@template': '{{c}}' } })).toEqual(['$.a', 'c'])
    expect(removeUndefined({ a: undefined, b: [undefined, { c: undefined }] })).toEqual({ b: [undefined, {}] })
  })
})

describe('data from anywhere', () => {
  it('treats object literals from another realm as plain objects', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runInNewContext } = require('node:vm') as typeof import('node:vm')
    const foreignMapping = runInNewContext('({ a: { "@path": "$.a" }, b: { c: { "@template": "{{a}}!" } } })')
    expect(transform(foreignMapping, { a: 'x' })).toEqual({ a: 'x', b: { c: 'x!' } })
  })

  it('yields a falsy value met on a path, as the reference does', () => {
    const mapping = { x: { '@path': '$.b.a' }, y: { '@template': '<{{b.a}}>' } }
    expect(transform(mapping, { b: 0 })).toEqual({ x: 0, y: '<0>' })
    expect(transform(mapping, { b: false })).toEqual({ x: false, y: '<false>' })
    expect(transform(mapping, { b: 1 })).toEqual({ y: '<>' })
  })

  it('tests null-prototype objects for blank without an engine error', () => {
    const mapping = { a: { '@if': { blank: { '@path': '$.v' }, then: 'present', else: 'blank' } } }
    expect(transform(mapping, { v: Object.create(null) })).toEqual({ a: 'present' })
    expect(transform(mapping, { v: [Object.create(null)] })).toEqual({ a: 'present' })
    expect(transform(mapping, { v: [''] })).toEqual({ a: 'blank' })
  })
})

describe('generated code', () => {
  it('reads a shared path prefix once, but never relies on a read made in a branch that did not run', () => {
    const mapping = {
      a: { '@if': { exists: { '@path': '$.flag' }, then: { '@path': '$.x.y.z' }, else: 'no' } },
      b: { '@path': '$.x.y.w' },
      c: { '@template': '{{x.y.z}}-{{x.v}}' },
      d: { '@if': { blank: { '@path': '$.x.v' }, then: { '@path': '$.x.y' }, else: { '@path': '$.x.v' } } }
    }
    const run = compileMapping(mapping)
    expect(run({ x: { y: { z: 1, w: 2 }, v: 3 } })).toEqual({ a: 'no', b: 2, c: '1-3', d: { z: 1, w: 2 } })
    expect(run({ flag: true, x: { y: { z: 1, w: 2 }, v: '' } })).toEqual({ a: 1, b: 2, c: '1-', d: '' })
    expect(run({ flag: 1, x: 0 })).toEqual({ a: 0, b: 0, c: '0-0', d: 0 })
    expect(run({ x: { y: 'str' } })).toStrictEqual({ a: 'no', c: '-' })
  })
})

describe('without code generation (a Content-Security-Policy that forbids eval)', () => {
  it('compiles objects to closures with the same results', () => {
    const mapping = {
      id: { '@path': '$.userId' },
      zero: { '@path': '$.n.deeper' },
      nested: { name: { '@template': '{{first}} {{last}}' }, props: { '@path': '$.properties' } },
      missing: { '@path': '$.nothing' },
      either: { '@if': { exists: { '@path': '$.nothing' }, then: 'yes', else: { '@path': '$.first' } } },
      blank: { '@if': { blank: { '@path': '$.n' }, then: 'set', else: 7 } },
      upper: { '@case': { operator: 'upper', value: { '@path': '$.first' } } },
      items: { '@arrayPath': ['$.properties.a', { b: { '@path': '$.b' }, k: 'x' }] },
      one: { '@arrayPath': ['$.properties', { a: { '@path': '$.a[1].b' } }] }
    }
    const event = { userId: 'u1', n: 0, first: 'Ada', last: 'L', properties: { a: [1, { b: 2 }] } }
    const withCodeGeneration = compileMapping(mapping)(event)
    const RealFunction = globalThis.Function
    let withoutCodeGeneration: unknown
    jest.isolateModules(() => {
      globalThis.Function = function refuse() {
        throw new EvalError('Code generation from strings disallowed for this context')
      } as unknown as FunctionConstructor
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated = require('../../src/mapping-kit') as typeof import('../../src/mapping-kit')
        withoutCodeGeneration = isolated.compileMapping(mapping)(event)
      } finally {
        globalThis.Function = RealFunction
      }
    })
    expect(withoutCodeGeneration).toEqual({
      id: 'u1',
      zero: 0,
      nested: { name: 'Ada L', props: event.properties },
      either: 'Ada',
      blank: 7,
      upper: 'ADA',
      items: [{ k: 'x' }, { b: 2, k: 'x' }],
      one: [{ a: 2 }]
    })
    expect(withoutCodeGeneration).toEqual(withCodeGeneration)
    expect((withoutCodeGeneration as { nested: { props: unknown } }).nested.props).not.toBe(event.properties)
  })
})
