import { argument, failing, type DirectiveDefinition } from '../definition'
import { flattenObject } from '../flatten'
import type { JSONLike } from '../../json-object'

/** `{"@flatten": {"value": v, "separator": ".", "omitArrays"?: true}}`: nested keys joined. */
export const flattenDirective: DirectiveDefinition = {
  keyword: '@flatten',
  validate(value, stack, ctx) {
    ctx.objectWithFields(value, stack, [
      { name: 'separator', check: (v, s) => ctx.string(v, s) },
      { name: 'value', required: true, check: ctx.directiveOrRaw }
    ])
  },
  compile(value, ctx) {
    const separator = argument(value, 'separator')
    if (!separator) {
      return failing('@flatten requires a "separator" key')
    }
    if (typeof separator !== 'string') return failing('@flatten requires a string separator')
    const keepArrays = Boolean(argument(value, 'omitArrays'))
    const resolveInput = ctx.compile(argument(value, 'value')).resolve
    return {
      resolve: (data) => {
        const resolved = resolveInput(data)
        if (resolved === undefined) return {}
        return flattenObject(resolved as JSONLike, '', String(separator), keepArrays)
      },
      // Leaves (including kept arrays) still come from the event.
      fresh: false
    }
  }
}
