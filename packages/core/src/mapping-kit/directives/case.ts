import { argument, failing, type DirectiveDefinition } from '../definition'

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
        if (operator === 'upper') return resolved.toUpperCase()
        throw new Error('operator key should have a value of "lower" or "upper"')
      },
      fresh: input.fresh,
      // An unknown operator throws when it runs: that stays in the closure.
      emit:
        operator === 'lower' || operator === 'upper'
          ? (target, data, scope) =>
              scope.child(input, target, data) +
              `if (typeof ${target} === 'string') ${target} = ${target}.${operator === 'lower' ? 'toLowerCase' : 'toUpperCase'}();`
          : undefined
    }
  }
}
