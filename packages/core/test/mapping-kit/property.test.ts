import fc from 'fast-check'
import { compileMapping, transform, MappingAggregateError, ValidationError } from '../../src/mapping-kit'
import { ENGINE_ERRORS } from './conformance-codec'

// A plain recursive interpreter of the directive subset generated below, written
// independently of the compiler, to check that compiled mappings agree with it.
// A walk that meets a falsy value (null, 0, "", false) yields it, as the reference's paths do.
const own = (target: unknown, key: string): unknown => {
  if (!target) return target
  if (typeof target === 'object')
    return Object.prototype.hasOwnProperty.call(target, key) ? (target as never)[key] : undefined
  if (typeof target === 'string')
    return Object.prototype.hasOwnProperty.call(target, key) ? (target as never)[key] : undefined
  return undefined
}
const readPath = (data: unknown, path: string): unknown =>
  path
    .replace('$.', '')
    .split('.')
    .filter((key) => key !== '')
    .reduce<unknown>((current, key) => (current === null || current === undefined ? current : own(current, key)), data)

const show = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(show).join(',')
  return typeof value === 'object' ? '[object Object]' : String(value)
}

function interpret(value: unknown, data: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => interpret(item, data))
  const record = value as Record<string, unknown>
  if ('@path' in record) return readPath(data, record['@path'] as string)
  if ('@literal' in record) return interpret(record['@literal'], data)
  if ('@template' in record) {
    return (record['@template'] as string).replace(/\{\{([^}]+)\}\}/g, (_match, key: string) => {
      const found = readPath(data, key.trim())
      return show(found)
    })
  }
  if ('@if' in record) {
    const args = record['@if'] as Record<string, unknown>
    const tested = interpret(args.exists, data)
    if (tested !== undefined && tested !== null) return interpret(args.then, data)
    return args.else ? interpret(args.else, data) : undefined
  }
  if ('@case' in record) {
    const args = record['@case'] as Record<string, unknown>
    const resolved = interpret(args.value, data)
    if (typeof resolved !== 'string') return resolved
    return args.operator === 'upper' ? resolved.toUpperCase() : resolved.toLowerCase()
  }
  if ('@json' in record) {
    const resolved = interpret((record['@json'] as Record<string, unknown>).value, data)
    return resolved === undefined ? undefined : JSON.stringify(resolved)
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(record)) out[key] = interpret(record[key], data)
  return out
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== undefined) out[key] = clean(item)
    }
    return out
  }
  return value
}

const keys = fc.constantFrom('a', 'b', 'c', 'length', 'constructor', '0')
const path = fc.array(keys, { minLength: 0, maxLength: 3 }).map((parts) => '$.' + parts.join('.'))
const primitive = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null))

const mappingValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    primitive,
    path.map((p) => ({ '@path': p })),
    fc.array(keys, { maxLength: 2 }).map((parts) => ({ '@template': `x{{${parts.join('.')}}}y` })),
    fc.record({ exists: path.map((p) => ({ '@path': p })), then: tie('value'), else: tie('value') }).map((args) => ({
      '@if': args
    })),
    fc
      .record({ operator: fc.constantFrom('upper', 'lower'), value: path.map((p) => ({ '@path': p })) })
      .map((args) => ({ '@case': args })),
    path.map((p) => ({ '@json': { mode: 'encode', value: { '@path': p } } })),
    fc.dictionary(keys, tie('value'), { maxKeys: 3 }),
    fc.array(tie('value'), { maxLength: 3 })
  )
})).value

const eventValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    primitive,
    fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 })
  )
})).value
const event = fc.dictionary(keys, eventValue, { maxKeys: 4 })

describe('compiled mappings agree with a plain interpreter', () => {
  it('for random mappings and events', () => {
    fc.assert(
      fc.property(fc.dictionary(keys, mappingValue, { maxKeys: 4 }), event, (mapping, data) => {
        const snapshot = JSON.stringify(data)
        const compiled = compileMapping(mapping)
        expect(compiled(data)).toEqual(clean(interpret(mapping, data)))
        expect(transform(mapping as never, data as never)).toEqual(compiled(data))
        expect(JSON.stringify(data)).toBe(snapshot)
      }),
      { numRuns: 400 }
    )
  })
})

const anything = fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true })
const directiveNames = fc.constantFrom(
  '@path',
  '@template',
  '@literal',
  '@if',
  '@case',
  '@replace',
  '@arrayPath',
  '@json',
  '@flatten',
  '@merge',
  '@transform',
  '@excludeWhenNull',
  '@liquid',
  '@nope'
)
const wildMapping: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anything,
    fc.tuple(directiveNames, tie('value')).map(([name, value]) => ({ [name]: value })),
    fc.dictionary(
      fc.constantFrom('value', 'mode', 'exists', 'then', 'else', 'pattern', 'objects', 'apply', 'mapping', 'separator'),
      tie('value'),
      { maxKeys: 4 }
    ),
    fc.array(tie('value'), { maxLength: 3 })
  )
})).value

const documented = (error: unknown): boolean => {
  if (error instanceof ValidationError) return true
  if (error instanceof MappingAggregateError) return error.errors.every((inner) => inner instanceof ValidationError)
  const name = (error as Error).name
  return error instanceof Error && !ENGINE_ERRORS.includes(name)
}

describe('no input throws anything but documented errors', () => {
  it('for arbitrary mappings and events', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 3 }), wildMapping, { maxKeys: 4 }),
        anything,
        (mapping, data) => {
          try {
            transform(mapping as never, data as never)
          } catch (error) {
            if (!documented(error)) throw error
          }
        }
      ),
      { numRuns: 1500 }
    )
  })
})
