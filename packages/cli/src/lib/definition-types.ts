// Structural view of a destination definition: only what the CLI reads. Kept local so the CLI
// works with any definition object shaped like the reference's, whatever its exact generics.

export interface FieldLike {
  label?: string
  description?: string
  type?: string
  required?: boolean
  multiple?: boolean
  default?: unknown
  properties?: Record<string, FieldLike>
  dynamic?: unknown
  unsafe_hidden?: boolean
  [key: string]: unknown
}

export interface HookLike {
  label?: string
  description?: string
  inputFields?: Record<string, FieldLike>
  outputTypes?: Record<string, FieldLike>
  performHook?: unknown
}

export interface ActionLike {
  title?: string
  description?: string
  platform?: string
  defaultSubscription?: string
  hidden?: boolean
  fields?: Record<string, FieldLike>
  hooks?: Record<string, HookLike | undefined>
  dynamicFields?: Record<string, unknown>
  perform?: unknown
  performBatch?: unknown
}

export interface PresetLike {
  name?: string
  partnerAction?: string
  subscribe?: string
  mapping?: Record<string, unknown>
  type?: string
  eventSlug?: string
}

export interface DefinitionLike {
  name: string
  slug?: string
  mode?: string
  description?: string
  authentication?: {
    scheme?: string
    fields?: Record<string, FieldLike>
    testAuthentication?: unknown
    refreshAccessToken?: unknown
  }
  settings?: Record<string, FieldLike>
  audienceFields?: Record<string, FieldLike>
  audienceConfig?: { mode?: unknown; createAudience?: unknown; getAudience?: unknown }
  presets?: PresetLike[]
  actions: Record<string, ActionLike>
  onDelete?: unknown
  extendRequest?: unknown
}

export function isDefinitionLike(value: unknown): value is DefinitionLike {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.name === 'string' && typeof record.actions === 'object' && record.actions !== null
}
