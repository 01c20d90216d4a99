import type { DirectiveDefinition } from '../definition'

/** `{"@literal": value}`: the value as written (directives nested inside are still resolved). */
export const literalDirective: DirectiveDefinition = {
  keyword: '@literal',
  validate(value, stack, ctx) {
    ctx.directiveOrRaw(value, stack)
  },
  compile(value, ctx) {
    return ctx.compile(value)
  }
}
