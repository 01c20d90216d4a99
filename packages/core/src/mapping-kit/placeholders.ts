import { parsePath } from '../get'
import { compileReader } from './path-reader'
import type { Emit, Resolver } from './definition'
import { literal } from './code-generation'

// `{{{ path }}}` or `{{ path }}`; the path cannot contain `}` and must not be empty.
const placeholderPattern = /\{\{\{([^}]+)\}\}\}|\{\{([^}]+)\}\}/g

/** How a value shows in a template: "" for null/undefined, else as String(value) shows it. */
export function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return String(value)
  return displayObject(value, new Set())
}

function displayObject(value: object, seen: Set<object>): string {
  // Arrays join their items like Array.prototype.join, which skips cycles.
  if (Array.isArray(value)) {
    if (seen.has(value)) return ''
    seen.add(value)
    const text = value
      .map((item: unknown) =>
        item === null || item === undefined ? '' : typeof item === 'object' ? displayObject(item, seen) : String(item)
      )
      .join(',')
    seen.delete(value)
    return text
  }
  try {
    return String(value)
  } catch {
    // Objects without a usable toString (null prototype, throwing toString) still render.
    return Object.prototype.toString.call(value)
  }
}

interface TemplateParts {
  /** The text before each placeholder. */
  literals: string[]
  paths: string[][]
  tail: string
}

function templateParts(template: string): TemplateParts {
  const literals: string[] = []
  const paths: string[][] = []
  let last = 0
  for (const match of template.matchAll(placeholderPattern)) {
    literals.push(template.slice(last, match.index))
    paths.push(parsePath((match[1] ?? match[2]).trim()))
    last = (match.index ?? 0) + match[0].length
  }
  return { literals, paths, tail: template.slice(last) }
}

/** Generated code for a template: each placeholder read inline, strings joined without a call. */
export function emitTemplate(template: string): Emit {
  const { literals, paths, tail } = templateParts(template)
  return (target, data, scope) => {
    let code = ''
    let joined = ''
    paths.forEach((keys, index) => {
      const value = scope.variable()
      code += `${scope.readPath(keys, value, data)}\n`
      const shown = `(typeof ${value} === 'string' ? ${value} : ${scope.use(display)}(${value}))`
      joined += `${literal(literals[index])} + ${shown} + `
    })
    return `${code}${target} = ${joined}${literal(tail)};`
  }
}

/** Compiles a `@template` string once: literal parts and path readers, joined at run time. */
export function compileTemplate(template: string): (data: unknown) => string {
  const { literals, paths, tail } = templateParts(template)
  const readers: Resolver[] = paths.map(compileReader)
  if (readers.length === 0) return () => template
  if (readers.length === 1) {
    const [head] = literals
    const [reader] = readers
    return (data) => head + display(reader(data)) + tail
  }
  return (data) => {
    let out = ''
    for (let i = 0; i < readers.length; i++) out += literals[i] + display(readers[i](data))
    return out + tail
  }
}

const recentTemplates = new Map<string, (data: unknown) => string>()

/** Renders a template (compiled templates are kept for the few most recent strings). */
export function render(template: string, data: unknown = {}): string {
  let compiled = recentTemplates.get(template)
  if (!compiled) {
    compiled = compileTemplate(template)
    if (recentTemplates.size >= 256) recentTemplates.delete(recentTemplates.keys().next().value as string)
    recentTemplates.set(template, compiled)
  }
  return compiled(data)
}
