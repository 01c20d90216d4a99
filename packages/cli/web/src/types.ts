// Shapes of the JSON the local server answers (GET /manifest and the /tester-api routes).

export interface FieldInfo {
  label?: string
  description?: string
  type?: string
  required?: boolean
  multiple?: boolean
  default?: unknown
  choices?: Array<string | { label?: string; value: unknown }>
  unsafe_hidden?: boolean
  format?: string
}

export interface ActionInfo {
  key: string
  title?: string
  description?: string
  defaultSubscription?: string
  hidden?: boolean
  hasBatchSupport: boolean
  fields: Record<string, FieldInfo>
}

export interface Manifest {
  destination: {
    name: string
    slug?: string
    description?: string
    authentication?: { scheme?: string }
    settings: Record<string, FieldInfo>
  }
  actions: Record<string, ActionInfo>
}

/** The saved format (README): what export writes and import reads. */
export interface SavedSubscription {
  name: string
  enabled: boolean
  subscribe: string
  partnerAction: string
  mapping: Record<string, unknown>
}

/** A subscription on the page: the saved fields plus an id to select it by. */
export interface Subscription extends SavedSubscription {
  id: string
}

export interface FieldProblem {
  field?: string
  message: string
}

export interface TestMappingAnswer {
  payload: Record<string, unknown> | null
  problems: FieldProblem[]
  stage: 'mapping' | 'schema'
}

export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown }
  response: { status: number | null; statusText: string; headers: Record<string, string>; body: unknown }
}

export interface EventResult {
  index: number
  outcome: 'delivered' | 'failed' | 'filtered'
  status?: number
  message?: string
}

export interface BatchGroup {
  key: Record<string, unknown>
  indices: number[]
}

export interface ActionCounts {
  delivered: number
  failed: Record<string, number>
  filtered: number
}

export type Counts = Record<string, ActionCounts>

export interface DeliverAnswer {
  results: EventResult[]
  batches: BatchGroup[] | null
  exchanges: Exchange[]
  counts: Counts
}

export interface BatchPreviewAnswer {
  batches: BatchGroup[]
  batchKeys: string[]
  batchSize: number
}

export interface SubscriptionsAnswer {
  file: string | null
  loadError: string | null
  subscriptions: SavedSubscription[]
}
