// What the page needs to know of a registry destination: its settings, actions, fields and presets
// (the declarative parts only; functions are dropped by the JSON round trip).
import type { RegistryEntry } from '../config/registry'
import { isRecord, type JsonRecord } from './console-error'

function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}

function fields(value: unknown): JsonRecord {
  return isRecord(value) ? (plain(value) as JsonRecord) : {}
}

export interface DestinationSummary {
  id: string
  key: string
  name: string
  slug?: string
  description?: string
}

export function summarize(entry: RegistryEntry): DestinationSummary {
  const { definition } = entry
  return {
    id: entry.id,
    key: entry.key,
    name: definition.name,
    slug: definition.slug,
    description: definition.description
  }
}

export function destinationManifest(entry: RegistryEntry): JsonRecord {
  const { definition } = entry
  const actions: JsonRecord = {}
  for (const [key, action] of Object.entries(definition.actions ?? {})) {
    actions[key] = {
      key,
      title: action.title,
      description: action.description,
      defaultSubscription: action.defaultSubscription,
      hidden: action.hidden ?? false,
      hasBatchSupport: typeof action.performBatch === 'function',
      fields: fields(action.fields)
    }
  }
  return {
    destination: {
      ...summarize(entry),
      authentication: definition.authentication ? { scheme: definition.authentication.scheme } : undefined,
      settings: fields(definition.authentication?.fields),
      presets: (plain(definition.presets ?? []) as unknown[]).filter(
        (preset) => isRecord(preset) && (preset.type === undefined || preset.type === 'automatic')
      )
    },
    actions
  }
}
