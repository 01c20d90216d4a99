import type { DirectiveDefinition } from '../definition'
import { compileTemplate, emitTemplate, render } from '../placeholders'
import { realTypeOf } from '../real-type-of'

/** `{"@template": "Hi {{traits.name}}"}`: placeholders replaced by values of the event. */
export const templateDirective: DirectiveDefinition = {
  keyword: '@template',
  validate(value, stack, ctx) {
    ctx.directiveOrString(value, stack)
  },
  compile(value, ctx) {
    if (typeof value === 'string') return { resolve: compileTemplate(value), fresh: true, emit: emitTemplate(value) }
    const template = ctx.compile(value).resolve
    return {
      resolve: (data) => {
        const resolved = template(data)
        if (typeof resolved !== 'string') throw new Error(`@template: expected string, got ${realTypeOf(resolved)}`)
        return render(resolved, data)
      },
      fresh: true
    }
  }
}
