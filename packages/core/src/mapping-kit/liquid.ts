import type { Liquid, Template } from 'liquidjs'
import { limitPerItemFilters } from './liquid-limits'

export const MAX_LIQUID_TEMPLATE_LENGTH = 1000
const MEMORY_LIMIT = 1e8
const RENDER_LIMIT_MS = 500

// Tags and filters that loop, include files or cost more than their input size.
const DISABLED_TAGS = ['for', 'case', 'include', 'render', 'layout', 'tablerow']
const DISABLED_FILTERS = [
  'newline_to_br',
  'reverse',
  'sort',
  'sort_natural',
  'map',
  'concat',
  'reject',
  'where_exp',
  'reject_exp',
  'group_by',
  'group_by_exp',
  'has',
  'has_exp',
  'find_index',
  'find_index_exp',
  'find',
  'find_exp',
  'uniq',
  'array_to_sentence_string'
]

function createEngine(): Liquid {
  // Loaded on first use: most mappings (and most test files) never render a template, and
  // liquidjs is a large module to compile when a process or a jest module registry starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Liquid: LiquidEngine } = require('liquidjs') as typeof import('liquidjs')
  const engine = new LiquidEngine({ memoryLimit: MEMORY_LIMIT, renderLimit: RENDER_LIMIT_MS, ownPropertyOnly: true })
  for (const tag of DISABLED_TAGS) {
    engine.registerTag(tag, {
      parse() {
        throw new Error(`tag "${tag}" is disabled`)
      },
      render() {
        return ''
      }
    })
  }
  for (const filter of DISABLED_FILTERS) {
    engine.registerFilter(filter, () => {
      throw new Error(`filter "${filter}" is disabled`)
    })
  }
  limitPerItemFilters(engine)
  return engine
}

let sharedEngine: Liquid | undefined

export function liquidEngine(): Liquid {
  return (sharedEngine ??= createEngine())
}

/** Parses once; a template that does not parse fails each time it runs, not when compiled. */
export function compileLiquid(source: string): (data: unknown) => string {
  if (source.length > MAX_LIQUID_TEMPLATE_LENGTH) {
    return () => {
      throw new Error(`liquid template values are limited to ${MAX_LIQUID_TEMPLATE_LENGTH} characters`)
    }
  }
  const engine = liquidEngine()
  let templates: Template[]
  try {
    templates = engine.parse(source)
  } catch (error) {
    return () => {
      throw error
    }
  }
  return (data) => String(engine.renderSync(templates, writableScope(data)))
}

/**
 * The variables a template renders with: a shallow copy of the event, because `increment` and
 * `decrement` write their counters into it (the reference changes the caller's event). The
 * output is the reference's; only the event is left alone. Nested objects are shared: no tag
 * or enabled filter writes into them.
 */
function writableScope(data: unknown): object {
  if (data === null || typeof data !== 'object') return {}
  return Array.isArray(data) ? data.slice() : { ...data }
}

/** Renders a Liquid template against an event, with the same limits as `@liquid`. */
export function evaluateLiquid(liquidValue: string, event: unknown): string {
  return compileLiquid(liquidValue)(event)
}

/** The top-level variable paths a template reads, e.g. `properties.total`. */
export function getLiquidKeys(liquidValue: string): string[] {
  try {
    return liquidEngine().fullVariablesSync(liquidValue)
  } catch {
    return []
  }
}
