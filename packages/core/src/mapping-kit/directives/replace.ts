import { argument, failing, type DirectiveDefinition } from '../definition'

export const MAX_PATTERN_LENGTH = 10
export const MAX_REPLACEMENT_LENGTH = 10

function literalPattern(pattern: string, flags: string): RegExp {
  return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), flags)
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

/**
 * `{"@replace": {"pattern", "replacement", "value", "global", "ignorecase", "pattern2",
 * "replacement2"}}`: replaces literal text (special characters in the pattern are escaped;
 * `$&` in the replacement is interpreted). Null, objects and missing values become "".
 */
export const replaceDirective: DirectiveDefinition = {
  keyword: '@replace',
  validate(value, stack, ctx) {
    ctx.objectWithFields(value, stack, [
      {
        name: 'pattern',
        required: true,
        check: (v, s) => ctx.string(v, s, { minLength: 1, maxLength: MAX_PATTERN_LENGTH })
      },
      { name: 'replacement', check: (v, s) => ctx.string(v, s, { maxLength: MAX_REPLACEMENT_LENGTH }) },
      { name: 'value', required: true, check: ctx.directiveOrString },
      { name: 'ignorecase', check: ctx.boolean },
      { name: 'global', check: ctx.boolean }
    ])
  },
  compile(value, ctx) {
    const rawValue = argument(value, 'value')
    if (!rawValue) return { resolve: () => undefined, fresh: true }
    const global = argument(value, 'global') ?? true
    const ignorecase = argument(value, 'ignorecase') ?? false
    const flags = (global ? 'g' : '') + (ignorecase ? 'i' : '')
    const rawPattern = argument(value, 'pattern')
    // Directives inside arrays are not validated; fail when run, as the reference does.
    if (!rawPattern) return failing('@replace requires a "pattern" key')
    const pattern = String(rawPattern)
    const replacement = String(argument(value, 'replacement') ?? '')
    const first = literalPattern(pattern, flags)

    const pattern2 = argument(value, 'pattern2')
    const replacement2 = argument(value, 'replacement2') ?? ''
    const hasSecond = typeof pattern2 === 'string' && pattern2 !== '' && typeof replacement2 === 'string'
    // The reference checks these two only while running, with the messages of the first pair.
    let secondError: string | undefined
    if (hasSecond && pattern2.length > MAX_PATTERN_LENGTH) {
      secondError = `@replace requires a "pattern" less than ${MAX_PATTERN_LENGTH} characters`
    } else if (hasSecond && (replacement2 as string).length > MAX_REPLACEMENT_LENGTH) {
      secondError = `@replace requires a "replacement" less than ${MAX_REPLACEMENT_LENGTH} characters`
    }
    const second = hasSecond && !secondError ? literalPattern(pattern2, flags) : undefined
    const resolveInput = ctx.compile(rawValue).resolve

    return {
      resolve: (data) => {
        if (secondError) throw new Error(secondError)
        let text = asText(resolveInput(data)).replace(first, replacement)
        if (second) text = text.replace(second, replacement2 as string)
        return text
      },
      fresh: true
    }
  }
}
