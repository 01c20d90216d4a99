import type { DefinitionLike, FieldLike } from '../definition-types'

// JSON round trip drops functions (perform, dynamic handlers) and keeps the declarative parts.
function plain<T>(value: T): T | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T)
}

function fieldsManifest(fields: Record<string, FieldLike> | undefined): Record<string, FieldLike> {
  const out: Record<string, FieldLike> = {}
  for (const [key, field] of Object.entries(fields ?? {})) {
    out[key] = { ...(plain(field) ?? {}), dynamic: typeof field.dynamic === 'function' || field.dynamic === true }
  }
  return out
}

/** What `GET /manifest` answers: the destination, its settings and every action with its fields. */
export function buildManifest(definition: DefinitionLike): Record<string, unknown> {
  const actions: Record<string, unknown> = {}
  for (const [key, action] of Object.entries(definition.actions)) {
    const hooks: Record<string, unknown> = {}
    for (const [hookKey, hook] of Object.entries(action.hooks ?? {})) {
      if (!hook) continue
      hooks[hookKey] = {
        label: hook.label,
        description: hook.description,
        inputFields: fieldsManifest(hook.inputFields),
        outputTypes: plain(hook.outputTypes) ?? {}
      }
    }
    actions[key] = {
      key,
      title: action.title,
      description: action.description,
      platform: action.platform ?? 'cloud',
      defaultSubscription: action.defaultSubscription,
      hidden: action.hidden ?? false,
      hasBatchSupport: typeof action.performBatch === 'function',
      fields: fieldsManifest(action.fields),
      dynamicFields: Object.keys(action.dynamicFields ?? {}),
      hooks
    }
  }
  const settings = definition.authentication?.fields ?? definition.settings
  return {
    destination: {
      name: definition.name,
      slug: definition.slug,
      mode: definition.mode,
      description: definition.description,
      authentication: definition.authentication ? { scheme: definition.authentication.scheme } : undefined,
      settings: fieldsManifest(settings),
      audienceFields: definition.audienceFields ? fieldsManifest(definition.audienceFields) : undefined,
      presets: plain(definition.presets) ?? []
    },
    actions
  }
}
