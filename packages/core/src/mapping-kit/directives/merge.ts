import { argument, failing, type Compiled, type DirectiveDefinition } from '../definition'
import { realTypeOf } from '../real-type-of'

function isMergeable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * `{"@merge": {"objects": [...], "direction": "left" | "right"}}`: a shallow merge. With
 * `right` later objects win, with `left` earlier ones do. Values that are not objects are
 * skipped (the reference spreads strings and arrays into index keys).
 */
export const mergeDirective: DirectiveDefinition = {
  keyword: '@merge',
  validate(value, stack, ctx) {
    ctx.objectWithFields(value, stack, [
      { name: 'direction', check: (v, s) => ctx.oneOf(v, s, ['left', 'right']) },
      { name: 'objects', required: true, check: ctx.array }
    ])
    // The reference checks the items at the root location, and stops at the first bad one.
    for (const item of argument(value, 'objects') as unknown[]) ctx.objectOrDirective(item, [])
  },
  compile(value, ctx) {
    const direction = argument(value, 'direction')
    if (!direction) {
      return failing('@merge requires a "direction" key')
    }
    const objects = argument(value, 'objects')
    if (!Array.isArray(objects)) return failing(`@merge: expected opts.array, got ${realTypeOf(objects)}`)
    const items = objects.map((item): Compiled => ctx.compile(item, { keepUndefinedKeys: true }))
    if (direction === 'left') items.reverse()
    const resolvers = items.map((item) => item.resolve)
    return {
      resolve: (data) => {
        const merged: Record<string, unknown> = {}
        for (let i = 0; i < resolvers.length; i++) {
          const object = resolvers[i](data)
          if (!isMergeable(object)) continue
          for (const key of Object.keys(object)) if (key !== '__proto__') merged[key] = object[key]
        }
        return merged
      },
      fresh: false
    }
  }
}
