import type { ActionInfo, Subscription } from './types'

let counter = 0

export function newId(): string {
  counter += 1
  return `s${Date.now().toString(36)}${counter}`
}

/** The mapping a new subscription starts with: every field's default (often a `@path` directive). */
export function defaultMapping(action: ActionInfo): Record<string, unknown> {
  const mapping: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(action.fields)) {
    if (field.default !== undefined) mapping[key] = JSON.parse(JSON.stringify(field.default)) as unknown
  }
  return mapping
}

/** A subscription as the product creates one: the action's default subscription and mappings. */
export function newSubscription(action: ActionInfo, existing: Subscription[]): Subscription {
  const taken = new Set(existing.map((subscription) => subscription.name))
  const base = action.title ?? action.key
  let name = base
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`
  return {
    id: newId(),
    name,
    enabled: true,
    subscribe: action.defaultSubscription ?? 'type = "track"',
    partnerAction: action.key,
    mapping: defaultMapping(action)
  }
}
