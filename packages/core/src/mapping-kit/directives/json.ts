import { argument, failing, type DirectiveDefinition } from '../definition'

/** `{"@json": {"mode": "encode" | "decode", "value": v}}`: JSON.stringify / JSON.parse. */
export const jsonDirective: DirectiveDefinition = {
  keyword: '@json',
  validate(value, stack, ctx) {
    ctx.objectWithFields(value, stack, [
      { name: 'value', required: true, check: ctx.directiveOrRaw },
      { name: 'mode', required: true, check: (v, s) => ctx.oneOf(v, s, ['encode', 'decode']) }
    ])
  },
  compile(value, ctx) {
    const rawValue = argument(value, 'value')
    const mode = argument(value, 'mode')
    if (!rawValue || !mode) {
      const message = rawValue ? '@json requires a "mode" key' : '@json requires a "value" key'
      return failing(message)
    }
    const input = ctx.compile(rawValue)
    const resolveInput = input.resolve
    if (mode === 'encode') {
      return {
        resolve: (data) => {
          const resolved = resolveInput(data)
          if (resolved === undefined) return undefined
          try {
            return JSON.stringify(resolved)
          } catch (error) {
            throw new Error(`@json: the value cannot be encoded: ${(error as Error).message}`)
          }
        },
        fresh: true
      }
    }
    if (mode === 'decode') {
      return {
        resolve: (data) => {
          const resolved = resolveInput(data)
          if (typeof resolved !== 'string') return resolved
          try {
            return JSON.parse(resolved) as unknown
          } catch {
            return resolved
          }
        },
        // Parsed JSON is a fresh object, but a non-string value passes through unchanged.
        fresh: false
      }
    }
    // Validation accepts any case, running only the exact words: "ENCODE" resolves to nothing.
    return { resolve: () => undefined, fresh: true }
  }
}
