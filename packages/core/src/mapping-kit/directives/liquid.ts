import { failing, type DirectiveDefinition } from '../definition'
import { compileLiquid } from '../liquid'

/** `{"@liquid": "{{ traits.name | upcase }}"}`: a Liquid template (liquidjs), with limits. */
export const liquidDirective: DirectiveDefinition = {
  keyword: '@liquid',
  validate(value, stack, ctx) {
    ctx.string(value, stack)
  },
  compile(value) {
    if (typeof value !== 'string') return failing('liquid template value must be a string')
    return { resolve: compileLiquid(String(value)), fresh: true }
  }
}
