// Checks a configuration (from the file or the admin API) against the registry and returns a
// fresh, normalised copy: every problem is collected with its place, ids are derived where
// missing. The input is never modified.
import { validateMapping } from '@action-destinations/core'
import { parseFql } from '@action-destinations/destination-subscriptions'
import { ConfigError } from './config-error'
import type { DestinationRegistry, RegistryEntry } from './registry'
import { deriveSubscriptionId, SUBSCRIPTION_ID_PATTERN } from './subscription-id'
import type { DestinationInstanceConfig, EngineConfig, SourceConfig, SubscriptionConfig } from './types'

/** The most requests in flight one instance may ask for. */
export const MAX_INSTANCE_CONCURRENCY = 1000

type Problems = string[]

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}

function nonEmptyString(value: unknown, place: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value
  problems.push(`${place}: should be a non-empty string but it is ${value === undefined ? 'missing' : describe(value)}`)
  return undefined
}

function arrayAt(value: unknown, place: string, problems: Problems): unknown[] {
  if (Array.isArray(value)) return value
  problems.push(`${place}: should be an array but it is ${value === undefined ? 'missing' : describe(value)}`)
  return []
}

function checkUnknownKeys(value: Record<string, unknown>, allowed: string[], place: string, problems: Problems): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${place}: unknown key "${key}" (expected ${allowed.join(', ')})`)
  }
}

/** FqlSyntaxError messages end with " at line L, column C…"; lead with the position instead. */
function fqlProblem(error: Error & { line?: number; column?: number }): string {
  if (typeof error.line === 'number' && typeof error.column === 'number') {
    const message = error.message.replace(/ at line \d+, column \d+/, '')
    return `FQL error at line ${error.line}, column ${error.column}: ${message}`
  }
  return `FQL error: ${error.message}`
}

function mappingProblems(mapping: Record<string, unknown>): string[] {
  try {
    validateMapping(mapping)
    return []
  } catch (error) {
    const nested = (error as { errors?: unknown }).errors
    if (Array.isArray(nested) && nested.length > 0) return nested.map((item) => String((item as Error).message ?? item))
    return [error instanceof Error ? error.message : String(error)]
  }
}

function validateSources(input: unknown, problems: Problems): SourceConfig[] {
  const sources: SourceConfig[] = []
  const names = new Set<string>()
  const keys = new Set<string>()
  arrayAt(input, 'sources', problems).forEach((raw, index) => {
    const place = `sources[${index}]`
    if (!isRecord(raw)) return void problems.push(`${place}: should be an object but it is ${describe(raw)}`)
    checkUnknownKeys(raw, ['name', 'writeKey'], place, problems)
    const name = nonEmptyString(raw.name, `${place}.name`, problems)
    const writeKey = nonEmptyString(raw.writeKey, `${place}.writeKey`, problems)
    if (name !== undefined && names.has(name)) problems.push(`${place}.name: duplicate source name "${name}"`)
    if (writeKey !== undefined && keys.has(writeKey))
      problems.push(`${place}.writeKey: the same write key as an earlier source`)
    if (name === undefined || writeKey === undefined) return
    names.add(name)
    keys.add(writeKey)
    sources.push({ name, writeKey })
  })
  return sources
}

function validateSubscription(
  raw: unknown,
  place: string,
  instanceName: string,
  entry: RegistryEntry | undefined,
  problems: Problems
): SubscriptionConfig | undefined {
  if (!isRecord(raw)) return void problems.push(`${place}: should be an object but it is ${describe(raw)}`)
  checkUnknownKeys(raw, ['id', 'name', 'enabled', 'subscribe', 'partnerAction', 'mapping'], place, problems)
  const before = problems.length
  const name = nonEmptyString(raw.name, `${place}.name`, problems)
  if (typeof raw.enabled !== 'boolean') {
    problems.push(
      `${place}.enabled: should be true or false but it is ${raw.enabled === undefined ? 'missing' : describe(raw.enabled)}`
    )
  }
  if (raw.id !== undefined && (typeof raw.id !== 'string' || !SUBSCRIPTION_ID_PATTERN.test(raw.id))) {
    problems.push(`${place}.id: should be 1 to 100 letters, digits, ".", "_" or "-" but it is ${describe(raw.id)}`)
  }
  const subscribe = nonEmptyString(raw.subscribe, `${place}.subscribe`, problems)
  if (subscribe !== undefined) {
    const parsed = parseFql(subscribe)
    if ('error' in parsed && parsed.error) problems.push(`${place}.subscribe: ${fqlProblem(parsed.error)}`)
  }
  const action = nonEmptyString(raw.partnerAction, `${place}.partnerAction`, problems)
  if (action !== undefined && entry) {
    const actions = Object.keys(entry.definition.actions ?? {})
    if (!Object.prototype.hasOwnProperty.call(entry.definition.actions ?? {}, action)) {
      problems.push(
        `${place}.partnerAction: unknown action "${action}" of ${entry.key} (choose one of: ${actions.join(', ')})`
      )
    }
  }
  if (!isRecord(raw.mapping)) {
    problems.push(
      `${place}.mapping: should be an object but it is ${raw.mapping === undefined ? 'missing' : describe(raw.mapping)}`
    )
  } else {
    for (const problem of mappingProblems(raw.mapping)) problems.push(`${place}.mapping: ${problem}`)
  }
  if (problems.length > before || name === undefined || subscribe === undefined || action === undefined)
    return undefined
  return {
    id: typeof raw.id === 'string' ? raw.id : deriveSubscriptionId(instanceName, name),
    name,
    enabled: raw.enabled as boolean,
    subscribe,
    partnerAction: action,
    mapping: raw.mapping as Record<string, unknown>
  }
}

function validateInstance(
  raw: unknown,
  place: string,
  registry: DestinationRegistry,
  sourceNames: Set<string>,
  problems: Problems
): DestinationInstanceConfig | undefined {
  if (!isRecord(raw)) return void problems.push(`${place}: should be an object but it is ${describe(raw)}`)
  checkUnknownKeys(
    raw,
    ['name', 'destination', 'enabled', 'sources', 'settings', 'subscriptions', 'maxConcurrency'],
    place,
    problems
  )
  const before = problems.length
  const name = nonEmptyString(raw.name, `${place}.name`, problems)
  const destination = nonEmptyString(raw.destination, `${place}.destination`, problems)
  const entry = destination === undefined ? undefined : registry.find(destination)
  if (destination !== undefined && !entry) {
    const choices = registry.list().map((item) => item.key)
    problems.push(`${place}.destination: unknown destination "${destination}" (choose one of: ${choices.join(', ')})`)
  }
  if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean') {
    problems.push(`${place}.enabled: should be true or false but it is ${describe(raw.enabled)}`)
  }
  const sources: string[] = []
  arrayAt(raw.sources, `${place}.sources`, problems).forEach((source, index) => {
    if (typeof source !== 'string' || !sourceNames.has(source)) {
      const known = [...sourceNames].join(', ') || 'none defined'
      return void problems.push(`${place}.sources[${index}]: unknown source ${describe(source)} (sources: ${known})`)
    }
    if (!sources.includes(source)) sources.push(source)
  })
  if (!isRecord(raw.settings)) {
    problems.push(
      `${place}.settings: should be an object but it is ${raw.settings === undefined ? 'missing' : describe(raw.settings)}`
    )
  }
  const concurrency = raw.maxConcurrency
  if (
    concurrency !== undefined &&
    (typeof concurrency !== 'number' ||
      !Number.isInteger(concurrency) ||
      concurrency < 1 ||
      concurrency > MAX_INSTANCE_CONCURRENCY)
  ) {
    problems.push(
      `${place}.maxConcurrency: should be an integer from 1 to ${MAX_INSTANCE_CONCURRENCY} but it is ${describe(concurrency)}`
    )
  }
  const subscriptions: SubscriptionConfig[] = []
  const subscriptionNames = new Set<string>()
  arrayAt(raw.subscriptions, `${place}.subscriptions`, problems).forEach((item, index) => {
    const subPlace = `${place}.subscriptions[${index}]`
    const subscription = validateSubscription(item, subPlace, name ?? '', entry, problems)
    const subName = isRecord(item) && typeof item.name === 'string' ? item.name : undefined
    if (subName !== undefined && subscriptionNames.has(subName)) {
      return void problems.push(`${subPlace}.name: duplicate subscription name "${subName}" in this instance`)
    }
    if (subName !== undefined) subscriptionNames.add(subName)
    if (subscription) subscriptions.push(subscription)
  })
  if (problems.length > before || name === undefined || destination === undefined) return undefined
  const instance: DestinationInstanceConfig = {
    name,
    destination,
    enabled: raw.enabled === undefined ? true : (raw.enabled as boolean),
    sources,
    settings: raw.settings as Record<string, unknown>,
    subscriptions
  }
  if (concurrency !== undefined) instance.maxConcurrency = concurrency as number
  return instance
}

/**
 * Validates a whole configuration; throws a ConfigError listing every problem.
 * `origin` names where it came from in the error (e.g. the file path).
 */
export function validateConfig(input: unknown, registry: DestinationRegistry, origin?: string): EngineConfig {
  const problems: Problems = []
  if (!isRecord(input)) throw new ConfigError([`(root): should be an object but it is ${describe(input)}`], origin)
  checkUnknownKeys(input, ['sources', 'destinations'], '(root)', problems)
  const sources = validateSources(input.sources, problems)
  const sourceNames = new Set(sources.map((source) => source.name))
  const destinations: DestinationInstanceConfig[] = []
  const instanceNames = new Set<string>()
  const ids = new Map<string, string>()
  arrayAt(input.destinations, 'destinations', problems).forEach((raw, index) => {
    const place = `destinations[${index}]`
    const instance = validateInstance(raw, place, registry, sourceNames, problems)
    if (!instance) return
    if (instanceNames.has(instance.name)) {
      return void problems.push(`${place}.name: duplicate destination instance name "${instance.name}"`)
    }
    instanceNames.add(instance.name)
    instance.subscriptions.forEach((subscription, subIndex) => {
      const id = subscription.id as string
      const earlier = ids.get(id)
      if (earlier) problems.push(`${place}.subscriptions[${subIndex}].id: "${id}" is already used by ${earlier}`)
      ids.set(id, `${place}.subscriptions[${subIndex}]`)
    })
    destinations.push(instance)
  })
  if (problems.length > 0) throw new ConfigError(problems, origin)
  return { sources, destinations }
}
