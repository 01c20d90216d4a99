import type { FieldRule, ValidateContext } from './definition'
import { flattenErrors, MappingAggregateError, ValidationError } from './errors'
import { isDirective } from './is-directive'
import { realTypeOf, withArticle } from './real-type-of'
import { directiveRegistry } from './registry'

function location(stack: string[]): string {
  return '/' + stack.join('/')
}

function fail(stack: string[], problem: string): never {
  throw new ValidationError(`${location(stack)} ${problem}`)
}

function describe(value: unknown): string {
  return withArticle(isDirective(value) ? 'directive' : realTypeOf(value))
}

function isPlainObjectValue(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isJsonLike(value: unknown): boolean {
  const type = realTypeOf(value)
  return (
    type === 'string' ||
    type === 'number' ||
    type === 'boolean' ||
    type === 'null' ||
    type === 'object' ||
    type === 'array'
  )
}

/**
 * How deep a mapping may nest, counted in the segments of a location (`/a/@if/then/...`); real
 * mappings stay under 20. Deeper mappings fail validation instead of exhausting the stack when
 * they are validated, compiled or run.
 */
export const MAX_MAPPING_DEPTH = 100

/**
 * Nodes already found valid during the current `validate` call. A directive's arguments are
 * checked as an object and then field by field (the reference does both, and so reports the
 * same errors); without this, each nesting level would validate everything below it twice.
 */
let validDirectives: WeakSet<object> | undefined
let validObjects: WeakSet<object> | undefined

/** Directives and objects being validated, one inside the other (`@merge` items restart the location at `/`). */
let nesting = 0

function checkDepth(stack: string[]): void {
  if (stack.length > MAX_MAPPING_DEPTH || nesting > MAX_MAPPING_DEPTH) {
    fail(stack.slice(0, 5).concat('…'), `is nested deeper than ${MAX_MAPPING_DEPTH} levels.`)
  }
}

/** Runs `check` unless `value` was already found valid (by the same check) in this validation. */
function once(valid: WeakSet<object> | undefined, value: object, stack: string[], check: () => void): void {
  if (valid?.has(value)) return
  checkDepth(stack)
  nesting++
  try {
    check()
  } finally {
    nesting--
  }
  valid?.add(value)
}

function checkDirective(value: Record<string, unknown>, stack: string[]): void {
  const keys = Object.keys(value)
  const directiveKeys = keys.filter((key) => key.startsWith('@'))
  if (directiveKeys.length > 1) {
    return fail(stack, `should only have one @-prefixed key but it has ${directiveKeys.length} keys.`)
  }
  if (keys.filter((key) => key !== '_metadata').length > 1) {
    return fail(stack, `should only have one @-prefixed key but it has ${keys.length} keys.`)
  }
  const keyword = directiveKeys[0]
  const definition = directiveRegistry.get(keyword)
  if (!definition) return fail(stack, `has an invalid directive: ${keyword}.`)
  definition.validate(value[keyword], [...stack, keyword], context)
}

function checkObject(value: Record<string, unknown>, stack: string[]): void {
  const errors: Error[] = []
  for (const key of Object.keys(value)) {
    try {
      context.mapping(value[key], [...stack, key])
    } catch (error) {
      errors.push(...flattenErrors(error))
    }
  }
  if (errors.length > 0) throw new MappingAggregateError(errors)
}

const context: ValidateContext = {
  mapping(value, stack) {
    if (isDirective(value)) context.directive(value, stack)
    else if (isPlainObjectValue(value)) context.object(value, stack)
  },

  directive(value, stack) {
    if (!isPlainObjectValue(value)) return fail(stack, `should be an object but it is ${describe(value)}.`)
    once(validDirectives, value, stack, () => checkDirective(value, stack))
  },

  object(value, stack) {
    if (!isPlainObjectValue(value)) return fail(stack, `should be an object but it is ${describe(value)}.`)
    once(validObjects, value, stack, () => checkObject(value, stack))
  },

  objectWithFields(value, stack, fields: FieldRule[]) {
    context.object(value, stack)
    const input = value as Record<string, unknown>
    const errors: Error[] = []
    for (const field of fields) {
      const fieldValue = Object.prototype.hasOwnProperty.call(input, field.name) ? input[field.name] : undefined
      if (fieldValue === undefined) {
        if (field.required)
          errors.push(new ValidationError(`${location(stack)} should have field "${field.name}" but it doesn't.`))
        continue
      }
      if (!field.check) continue
      try {
        field.check(fieldValue, [...stack, field.name])
      } catch (error) {
        errors.push(...flattenErrors(error))
      }
    }
    if (errors.length > 0) throw new MappingAggregateError(errors)
  },

  array(value, stack) {
    if (!Array.isArray(value)) fail(stack, `should be an array but it is ${describe(value)}.`)
  },

  string(value, stack, limits) {
    if (typeof value !== 'string') return fail(stack, `should be a string but it is ${describe(value)}.`)
    if (limits?.minLength !== undefined && value.length < limits.minLength) {
      fail(stack, `should be a string of length ${limits.minLength} or greater.`)
    }
    if (limits?.maxLength !== undefined && value.length > limits.maxLength) {
      fail(stack, `should be a string of length ${limits.maxLength} or less.`)
    }
  },

  boolean(value, stack) {
    if (typeof value !== 'boolean') fail(stack, `should be a boolean but it is ${describe(value)}.`)
  },

  oneOf(value, stack, choices) {
    context.string(value, stack)
    // The reference compares without case here, while running compares exactly.
    if (!choices.includes((value as string).toLowerCase())) {
      fail(stack, `should be one of ${choices.join(', ')} but it is ${JSON.stringify(value)}.`)
    }
  },

  directiveOrString(value, stack) {
    if (isDirective(value)) return context.directive(value, stack)
    if (typeof value !== 'string')
      fail(stack, `should be a string or a mapping directive but it is ${describe(value)}.`)
  },

  directiveOrRaw(value, stack) {
    if (isDirective(value)) return context.directive(value, stack)
    if (!isJsonLike(value)) fail(stack, `should be a mapping directive or a JSON value but it is ${describe(value)}.`)
  },

  objectOrDirective(value, stack) {
    if (isDirective(value)) return context.directive(value, stack)
    if (!isPlainObjectValue(value))
      fail(stack, `should be a object or a mapping directive but it is ${describe(value)}.`)
    context.object(value, stack)
  }
}

/**
 * Checks a mapping and throws a ValidationError, or an AggregateError of them, naming each
 * problem with its location (`/field/@directive/key`). Returns nothing when the mapping is valid.
 */
export function validate(mapping: unknown, stack: string[] = []): void {
  if (validObjects) return context.mapping(mapping, stack)
  validDirectives = new WeakSet()
  validObjects = new WeakSet()
  try {
    context.mapping(mapping, stack)
  } finally {
    validDirectives = undefined
    validObjects = undefined
  }
}

export const validationContext = context

export default validate
