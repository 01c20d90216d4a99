import { argument, failing, type CodeScope, type Compiled, type DirectiveDefinition, type Emit } from '../definition'

const fields = ['exists', 'blank', 'then', 'else']

/**
 * Loose `== ''` on purpose: the reference treats 0, false, [] and [""] as blank. An object with no
 * primitive form (a null-prototype object) cannot equal "" and must not throw a TypeError.
 */
function isLooselyEmpty(value: unknown): boolean {
  try {
    return (value as string) == ''
  } catch {
    return false
  }
}

/**
 * `{"@if": {"exists" | "blank": condition, "then": a, "else": b}}`. `exists` holds when the
 * condition resolves to anything but null or undefined; `blank` when it is not null, undefined or
 * loosely equal to "" (so 0, false and [] count as blank). A falsy `else` counts as absent.
 */
export const ifDirective: DirectiveDefinition = {
  keyword: '@if',
  validate(value, stack, ctx) {
    ctx.objectWithFields(
      value,
      stack,
      fields.map((name) => ({ name, check: ctx.directiveOrRaw }))
    )
  },
  compile(value, ctx) {
    const exists = argument(value, 'exists')
    const blank = argument(value, 'blank')
    const then = ctx.compile(argument(value, 'then'))
    const elseValue = argument(value, 'else')
    const otherwise = elseValue ? ctx.compile(elseValue) : undefined
    const fresh = then.fresh && (otherwise?.fresh ?? true)
    const thenResolve = then.resolve
    const elseResolve = otherwise?.resolve

    // Inline: the condition into a variable, then one branch into the target.
    const emitWith =
      (node: Compiled, test: (tested: string, scope: CodeScope) => string): Emit =>
      (target, data, scope) => {
        const tested = scope.variable()
        const condition = scope.child(node, tested, data)
        const thenCode = scope.branch(() => scope.child(then, target, data))
        const otherwiseCode = otherwise
          ? scope.branch(() => scope.child(otherwise, target, data))
          : `${target} = undefined;`
        return `${condition}if (${test(tested, scope)}) {\n${thenCode}} else {\n${otherwiseCode}}`
      }
    if (exists) {
      const node = ctx.compile(exists)
      const condition = node.resolve
      return {
        resolve: (data) => {
          const tested = condition(data)
          return tested !== undefined && tested !== null ? thenResolve(data) : elseResolve?.(data)
        },
        fresh,
        emit: emitWith(node, (tested) => `${tested} !== undefined && ${tested} !== null`)
      }
    }
    if (blank) {
      const node = ctx.compile(blank)
      const condition = node.resolve
      return {
        resolve: (data) => {
          const tested = condition(data)
          const present = tested !== undefined && tested !== null && !isLooselyEmpty(tested)
          return present ? thenResolve(data) : elseResolve?.(data)
        },
        fresh,
        emit: emitWith(
          node,
          (tested, scope) => `${tested} !== undefined && ${tested} !== null && !${scope.use(isLooselyEmpty)}(${tested})`
        )
      }
    }
    return failing('@if requires an "exists" key or a "blank" key')
  }
}
