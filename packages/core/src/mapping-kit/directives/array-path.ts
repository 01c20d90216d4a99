import { failing, type Compiled, type DirectiveDefinition } from '../definition'
import { emitPath } from '../code-generation'
import { realTypeOf } from '../real-type-of'
import { compileReader, pathKeys } from '../path-reader'

/**
 * `{"@arrayPath": [path, itemShape]}`: the array at `path`, each item mapped through
 * `itemShape` (paths inside are relative to the item). An object at the path is treated as
 * a one-item array; other values, and an empty or missing shape, give the value itself.
 */
export const arrayPathDirective: DirectiveDefinition = {
  keyword: '@arrayPath',
  validate(value, stack, ctx) {
    ctx.array(value, stack)
    const [path, shape] = value as unknown[]
    ctx.directiveOrString(path, stack)
    ctx.mapping(shape, stack)
  },
  compile(value, ctx) {
    if (!Array.isArray(value)) return failing(`@arrayPath expected array, got ${realTypeOf(value)}`)
    const [path, shape] = value as unknown[]
    const rootNode: Compiled =
      typeof path === 'string'
        ? { resolve: compileReader(pathKeys(path)), fresh: false, emit: emitPath(pathKeys(path)) }
        : ctx.compile(path)
    const root = rootNode.resolve
    const hasShape =
      shape !== null && typeof shape === 'object' && !Array.isArray(shape) && Object.keys(shape).length > 0
    if (!hasShape) return { resolve: root, fresh: false, emit: rootNode.emit }
    const item = ctx.compile(shape)
    const resolveItem = item.resolve
    return {
      resolve: (data) => {
        const found = root(data)
        if (found === null || typeof found !== 'object') return found
        if (!Array.isArray(found)) return [resolveItem(found)]
        const out = new Array(found.length)
        for (let i = 0; i < found.length; i++) out[i] = resolveItem(found[i])
        return out
      },
      fresh: item.fresh,
      emit: (target, data, scope) => {
        const found = scope.variable()
        const out = scope.variable()
        const each = scope.use(resolveItem)
        return (
          scope.child(rootNode, found, data) +
          `if (${found} === null || typeof ${found} !== 'object') ${target} = ${found};\n` +
          `else if (!Array.isArray(${found})) ${target} = [${each}(${found})];\n` +
          `else { ${out} = new Array(${found}.length);` +
          ` for (let i = 0; i < ${found}.length; i++) ${out}[i] = ${each}(${found}[i]); ${target} = ${out} }`
        )
      }
    }
  }
}
