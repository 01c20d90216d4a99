import { cleanCopy } from '../remove-undefined'
import { isPlainObject } from '../is-plain-object'
import { constant, failing, type Compiled, type CompileContext, type CompileOptions, type Resolver } from './definition'
import { deepDataError, isStackOverflow } from './data-depth'
import { ValidationError } from './errors'
import { isDirective } from './is-directive'
import { realTypeOf, withArticle } from './real-type-of'
import { directiveRegistry } from './registry'
import { generateObjectResolver, type ObjectEntry } from './generated-object'
import { compileReader, pathKeys } from './path-reader'
import { MAX_MAPPING_DEPTH, validate } from './validate'

const INTERNAL_DIRECTIVE_KEY = '__segment_internal_directive'

/** A resolver whose output is a clean copy, whatever the node returns. */
function cleaned(node: Compiled): Resolver {
  if (node.fresh) return node.resolve
  const resolve = node.resolve
  return (data) => cleanCopy(resolve(data))
}

function compileArray(items: unknown[]): Compiled {
  const resolvers = items.map((item) => cleaned(context.compile(item)))
  const length = resolvers.length
  return {
    // Array slots keep `undefined`, as the reference does.
    resolve: (data) => {
      const out = new Array(length)
      for (let i = 0; i < length; i++) out[i] = resolvers[i](data)
      return out
    },
    fresh: true
  }
}

/** A `{"@path": "<static path>"}` child can be read inline by the generated object builder. */
function staticPath(value: unknown): readonly string[] | undefined {
  if (!isPlainObject(value)) return undefined
  const keys = Object.keys(value)
  if (keys.length !== 1 || keys[0] !== '@path' || typeof value['@path'] !== 'string') return undefined
  return pathKeys(value['@path'])
}

function compileObject(value: Record<string, unknown>, keepUndefinedKeys: boolean): Compiled {
  // `__proto__` never becomes a key of a result: assigning it would replace the prototype.
  const keys = Object.keys(value).filter((key) => key !== '__proto__')
  const entries: ObjectEntry[] = keys.map((key) => {
    const path = staticPath(value[key])
    if (path) return { key, kind: 'path', pathKeys: path }
    const compiled = context.compile(value[key])
    return { key, kind: 'resolver', resolve: compiled.resolve, fresh: compiled.fresh, emit: compiled.emit }
  })
  const generated = generateObjectResolver(entries, keepUndefinedKeys)
  if (generated) return { resolve: generated, fresh: !keepUndefinedKeys }

  const resolvers = entries.map((entry) =>
    entry.kind === 'path' ? cleaned({ resolve: compileReader(entry.pathKeys), fresh: false }) : cleaned(entry)
  )
  const length = keys.length
  if (keepUndefinedKeys) {
    return {
      resolve: (data) => {
        const out: Record<string, unknown> = {}
        for (let i = 0; i < length; i++) out[keys[i]] = resolvers[i](data)
        return out
      },
      fresh: false
    }
  }
  return {
    resolve: (data) => {
      const out: Record<string, unknown> = {}
      for (let i = 0; i < length; i++) {
        const resolved = resolvers[i](data)
        if (resolved !== undefined) out[keys[i]] = resolved
      }
      return out
    },
    fresh: true
  }
}

function compileDirective(value: Record<string, unknown>): Compiled {
  const keyword = Object.keys(value).find((key) => key.startsWith('@')) as string
  const definition = directiveRegistry.get(keyword)
  if (!definition) return failing(`${keyword} is not a valid directive, got undefined`)
  return definition.compile(value[keyword], context)
}

/** Nesting of the node being compiled; arrays and `@literal` values are not validated, so it is bounded here too. */
let depth = 0

function compileNested(value: object, options?: CompileOptions): Compiled {
  if (depth >= MAX_MAPPING_DEPTH) {
    throw new ValidationError(`The mapping is nested deeper than ${MAX_MAPPING_DEPTH} levels.`)
  }
  depth++
  try {
    if (Array.isArray(value)) return compileArray(value)
    if (isDirective(value)) return compileDirective(value as Record<string, unknown>)
    if (!isPlainObject(value)) return { resolve: () => value, fresh: true }
    return compileObject(value as Record<string, unknown>, options?.keepUndefinedKeys === true)
  } finally {
    depth--
  }
}

const context: CompileContext = {
  compile(value: unknown, options?: CompileOptions): Compiled {
    if (value === null || typeof value !== 'object') return constant(value)
    return compileNested(value, options)
  }
}

/** Compiles a mapping value without validating it (directives inside arrays, for instance). */
export function compileValue(value: unknown): Compiled {
  return context.compile(value)
}

/**
 * `{"__segment_internal_directive": {"@transform": {...}}, ...rest}`: the rest of the mapping
 * becomes the directive's `mapping`. Built as a new object: the caller's mapping is untouched.
 */
function expandInternalDirective(mapping: Record<string, unknown>): Record<string, unknown> {
  const directive = mapping[INTERNAL_DIRECTIVE_KEY]
  if (directive === null || typeof directive !== 'object') throw new Error('The root directive must be an object')
  const keys = Object.keys(directive)
  if (keys.length > 1) throw new Error('The root mapping must only have a single directive object')
  const argumentValue = keys.length === 1 ? (directive as Record<string, unknown>)[keys[0]] : undefined
  if (argumentValue === null || typeof argumentValue !== 'object' || Array.isArray(argumentValue)) {
    throw new Error('The root directive must be an object')
  }
  const rest: Record<string, unknown> = {}
  for (const key of Object.keys(mapping)) {
    if (key !== INTERNAL_DIRECTIVE_KEY && key !== '__proto__') rest[key] = mapping[key]
  }
  return { [keys[0]]: { ...argumentValue, mapping: rest } }
}

export type CompiledMapping = (data: unknown) => unknown

/**
 * Validates a mapping once and returns a function from event data to payload (undefined
 * keys removed, nothing shared with the event). Throws the validation errors of `validate`.
 */
export function compileMapping(mapping: unknown): CompiledMapping {
  let root = mapping
  if (root !== null && typeof root === 'object' && !Array.isArray(root)) {
    if (Object.prototype.hasOwnProperty.call(root, INTERNAL_DIRECTIVE_KEY)) {
      root = expandInternalDirective(root as Record<string, unknown>)
    }
  } else if (Array.isArray(root)) {
    // The reference turns a root array into an object keyed by index.
    root = Object.assign({}, root)
  } else {
    throw new ValidationError(
      `The mapping should be an object or a mapping directive but it is ${withArticle(realTypeOf(root))}.`
    )
  }
  validate(root)
  const resolve = cleaned(context.compile(root))
  return (data) => {
    try {
      return resolve(data)
    } catch (error) {
      // Copies of event data recurse: deep or cyclic data ends here, reported with its place.
      throw isStackOverflow(error) ? deepDataError(data) : error
    }
  }
}
