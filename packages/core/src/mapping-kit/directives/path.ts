import type { DirectiveDefinition } from '../definition'
import { realTypeOf } from '../real-type-of'
import { compileReader, pathKeys } from '../path-reader'
import { getByKeys } from '../../get'
import { emitPath } from '../code-generation'

/** `{"@path": "$.properties.total"}`: the value at a path of the event. */
export const pathDirective: DirectiveDefinition = {
  keyword: '@path',
  validate(value, stack, ctx) {
    ctx.directiveOrString(value, stack)
  },
  compile(value, ctx) {
    if (typeof value === 'string') {
      const keys = pathKeys(value)
      return { resolve: compileReader(keys), fresh: false, emit: emitPath(keys) }
    }
    const path = ctx.compile(value).resolve
    return {
      resolve: (data) => {
        const resolved = path(data)
        if (typeof resolved !== 'string') throw new Error(`@path: expected string, got ${realTypeOf(resolved)}`)
        return getByKeys(data, pathKeys(resolved))
      },
      fresh: false
    }
  }
}
