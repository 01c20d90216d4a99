import type { DirectiveDefinition } from '../definition'
import { isPlainObject } from '../../remove-undefined'

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (item === null || key === '__proto__') continue
    out[key] = isPlainObject(item) ? withoutNulls(item) : item
  }
  return out
}

/**
 * `{"@excludeWhenNull": v}`: drops the key when v is null, and null values from nested plain
 * objects (arrays are left as they are).
 */
export const excludeWhenNullDirective: DirectiveDefinition = {
  keyword: '@excludeWhenNull',
  validate(value, stack, ctx) {
    ctx.directiveOrRaw(value, stack)
  },
  compile(value, ctx) {
    const resolveInput = ctx.compile(value).resolve
    return {
      resolve: (data) => {
        const resolved = resolveInput(data)
        if (resolved === null) return undefined
        return isPlainObject(resolved) ? withoutNulls(resolved) : resolved
      },
      fresh: false
    }
  }
}
