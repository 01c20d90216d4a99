import { argument, failing, type DirectiveDefinition } from '../definition'

/** `{"@transform": {"apply": m1, "mapping": m2}}`: resolves m1, then m2 against m1's result. */
export const transformDirective: DirectiveDefinition = {
  keyword: '@transform',
  validate(value, stack, ctx) {
    ctx.objectWithFields(value, stack, [
      { name: 'apply', required: true, check: ctx.objectOrDirective },
      { name: 'mapping', required: true, check: ctx.objectOrDirective }
    ])
  },
  compile(value, ctx) {
    const rawApply = argument(value, 'apply')
    const rawMapping = argument(value, 'mapping')
    if (rawApply === null || typeof rawApply !== 'object') return failing('@transform "apply" key should be an object')
    if (rawMapping === null || typeof rawMapping !== 'object')
      return failing('@transform "mapping" key should be an object')
    const apply = ctx.compile(rawApply).resolve
    const mapping = ctx.compile(rawMapping)
    const resolveMapping = mapping.resolve
    return { resolve: (data) => resolveMapping(apply(data)), fresh: mapping.fresh }
  }
}
