import { failing, type DirectiveDefinition } from '../definition'
import { realTypeOf } from '../real-type-of'
import { compileReader, pathKeys } from '../path-reader'

/**
 * `{"@arrayPath": [path, itemShape]}`: the array at `path`, each item mapped through
 * `itemShape` (paths inside are relative to the item). An object at the path is treated as
 * a one-item array; other values, and an empty or missing shape, give the value itself.
 */
export const arrayPathDirective: DirectiveDefinition = {
  keyword: '@arrayPath',
  validate(value, stack, ctx) {
    ctx.array(value, stack)
    const [path, shape] = value as unknown[]
    ctx.directiveOrString(path, stack)
    ctx.mapping(shape, stack)
  },
  compile(value, ctx) {
    if (!Array.isArray(value)) return failing(`@arrayPath expected array, got ${realTypeOf(value)}`)
    const [path, shape] = value as unknown[]
    const root = typeof path === 'string' ? compileReader(pathKeys(path)) : ctx.compile(path).resolve
    const hasShape =
      shape !== null && typeof shape === 'object' && !Array.isArray(shape) && Object.keys(shape).length > 0
    if (!hasShape) return { resolve: root, fresh: false }
    const item = ctx.compile(shape)
    const resolveItem = item.resolve
    return {
      resolve: (data) => {
        const found = root(data)
        if (found === null || typeof found !== 'object') return found
        if (!Array.isArray(found)) return [resolveItem(found)]
        const out = new Array(found.length)
        for (let i = 0; i < found.length; i++) out[i] = resolveItem(found[i])
        return out
      },
      fresh: item.fresh
    }
  }
}
