// A stand-in for analytics-next's Context and Analytics in unit tests: records logs and
// metrics, and updates the event by path as analytics-next's `updateEvent` does.
import type { Analytics, Context, JSONObject, LogLevel, SegmentEvent } from '../runtime/types'

export interface LogEntry {
  level: LogLevel
  message: string
  extras?: { plugin?: string; error?: unknown } & Record<string, unknown>
}

export interface FakeContext extends Context {
  logs: LogEntry[]
  metrics: Array<{ metric: string; by: number; tags: string[] }>
  /** The messages of the errors logged, for assertions. */
  errorMessages(): string[]
}

export function createContext(event: SegmentEvent): FakeContext {
  const logs: LogEntry[] = []
  const metrics: FakeContext['metrics'] = []
  const ctx: FakeContext = {
    event,
    logs,
    metrics,
    log: (level, message, extras) => logs.push({ level, message, extras: extras as LogEntry['extras'] }),
    stats: { increment: (metric, by = 1, tags = []) => metrics.push({ metric, by, tags }) },
    updateEvent(path, value) {
      const keys = path.split('.')
      let target = ctx.event as unknown as Record<string, unknown>
      for (const key of keys.slice(0, -1)) {
        if (key === '__proto__') throw new Error('unsafe path')
        const next = target[key]
        if (typeof next !== 'object' || next === null) target[key] = {}
        target = target[key] as Record<string, unknown>
      }
      target[keys[keys.length - 1]] = value
      return ctx.event
    },
    errorMessages: () =>
      logs.map((entry) => entry.extras?.error).map((error) => (error instanceof Error ? error.message : String(error)))
  }
  return ctx
}

export function createAnalytics(userId: string | null = null): Analytics {
  return { user: () => ({ id: () => userId, anonymousId: () => 'anon-1', traits: () => ({}) }) }
}

/** Marks the page's script for `src` as loaded (jsdom does not fetch scripts). */
export function finishScript(src: string, outcome: 'load' | 'error' = 'load'): void {
  const script = Array.from(document.querySelectorAll('script')).find((element) => element.src === src)
  if (!script)
    throw new Error(`no <script> for ${src}; scripts: ${Array.from(document.scripts, (s) => s.src).join(', ')}`)
  script.dispatchEvent(new Event(outcome))
}

/** Lets pending promise callbacks run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** A subscription of `action` on its default subscription, with every field's default as the mapping. */
export function defaultSubscription(
  actions: Record<string, { defaultSubscription?: string; fields: Record<string, { default?: unknown }> }>,
  key: string,
  overrides: Record<string, unknown> = {}
): { partnerAction: string; subscribe: string; enabled: boolean; mapping: JSONObject } {
  const action = actions[key]
  const mapping: JSONObject = {}
  for (const [field, definition] of Object.entries(action.fields)) {
    if (definition.default !== undefined) mapping[field] = definition.default as JSONObject[string]
  }
  return {
    partnerAction: key,
    subscribe: action.defaultSubscription ?? 'type = "track"',
    enabled: true,
    mapping: { ...mapping, ...overrides } as JSONObject
  }
}
