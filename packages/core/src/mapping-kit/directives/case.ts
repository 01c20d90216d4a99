import { argument, failing, type DirectiveDefinition } from '../definition'

const LONGEST_SCANNED = 32

/**
 * `text.toUpperCase()`, without the call when a short text has no lower-case ASCII letter and no
 * other character (the usual codes: "USD", "FR", "SALE20"). V8 runs `toUpperCase` in its runtime
 * (ICU), tens of nanoseconds even for one letter; the scan costs a few.
 */
export function upperCase(text: string): string {
  if (text.length > LONGEST_SCANNED) return text.toUpperCase()
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 127 || (code >= 97 && code <= 122)) return text.toUpperCase()
  }
  return text
}

/** `{"@case": {"operator": "lower" | "upper", "value": v}}`: changes the case of a string. */
export const caseDirective: DirectiveDefinition = {
  keyword: '@case',
  validate(value, stack, ctx) {
    ctx.objectWithFields(value, stack, [
      { name: 'operator', check: (v, s) => ctx.string(v, s) },
      { name: 'value', check: ctx.directiveOrString }
    ])
  },
  compile(value, ctx) {
    const operator = argument(value, 'operator')
    const rawValue = argument(value, 'value')
    if (!operator) {
      return failing('@case requires a "operator" key')
    }
    if (!rawValue) return { resolve: () => undefined, fresh: true }
    const input = ctx.compile(rawValue)
    const resolveInput = input.resolve
    return {
      resolve: (data) => {
        const resolved = resolveInput(data)
        if (typeof resolved !== 'string') return resolved
        if (operator === 'lower') return resolved.toLowerCase()
        if (operator === 'upper') return upperCase(resolved)
        throw new Error('operator key should have a value of "lower" or "upper"')
      },
      fresh: input.fresh,
      // An unknown operator throws when it runs: that stays in the closure.
      emit:
        operator === 'lower' || operator === 'upper'
          ? (target, data, scope) =>
              scope.child(input, target, data) +
              `if (typeof ${target} === 'string') ${target} = ${
                operator === 'lower' ? `${target}.toLowerCase()` : `${scope.use(upperCase)}(${target})`
              };`
          : undefined
    }
  }
}
