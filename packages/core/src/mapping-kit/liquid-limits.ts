import type { Context, FilterImplOptions, Liquid } from 'liquidjs'

/**
 * Enabled filters that evaluate an expression per array item as a generator (liquidjs `where`,
 * `sum`): one call over millions of items would otherwise run past the render limit, which
 * liquidjs checks only between the parts of a template.
 */
const PER_ITEM_FILTERS = ['where', 'sum']

/** Items between two checks of the clock. */
const CHECK_EVERY = 256

type Handler = (this: { context: Context }, ...args: unknown[]) => unknown

function isGenerator(value: unknown): value is Generator<unknown, unknown, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Generator).next === 'function' &&
    Symbol.iterator in value
  )
}

/** Runs `inner` step by step for liquidjs, checking the render deadline as it goes. */
function* withDeadline(
  inner: Generator<unknown, unknown, unknown>,
  context: Context
): Generator<unknown, unknown, unknown> {
  let step = inner.next()
  let count = 0
  while (!step.done) {
    if (++count % CHECK_EVERY === 0) context.renderLimit.check(performance.now())
    let sent: unknown
    try {
      sent = yield step.value
    } catch (error) {
      step = inner.throw(error)
      continue
    }
    step = inner.next(sent)
  }
  return step.value
}

function handlerOf(options: FilterImplOptions | undefined): Handler | undefined {
  if (typeof options === 'function') return options as Handler
  if (options && typeof options === 'object' && typeof options.handler === 'function') return options.handler as Handler
  return undefined
}

/** Makes the per-item filters of `engine` check the render limit while they run. */
export function limitPerItemFilters(engine: Liquid): void {
  for (const name of PER_ITEM_FILTERS) {
    const original = handlerOf(engine.filters[name])
    if (!original) continue
    engine.registerFilter(name, function (this: { context: Context }, ...args: unknown[]) {
      this.context.renderLimit.check(performance.now())
      const result = original.apply(this, args)
      return isGenerator(result) ? withDeadline(result, this.context) : result
    })
  }
}
