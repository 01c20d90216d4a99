// The engine's configuration: sources that send events and destination instances that
// receive them through subscriptions. The JSON file given to `deliver --config` has this shape;
// the admin API reads and replaces it whole or per instance.

/** A source: where events come from. Its write key is the Basic-auth user name at ingest. */
export interface SourceConfig {
  name: string
  writeKey: string
}

/** One subscription of an instance, in the format the tester exports (plus an optional stable id). */
export interface SubscriptionConfig {
  /** Stable identity for metrics, jobs and logs. Derived from the names when missing; a rename keeps it. */
  id?: string
  name: string
  enabled: boolean
  /** FQL, e.g. `type = "track"`. */
  subscribe: string
  /** The action key of the destination. */
  partnerAction: string
  mapping: Record<string, unknown>
}

/** A configured destination: a registry destination, its settings, the sources it listens to. */
export interface DestinationInstanceConfig {
  /** Unique among instances; names it in metrics, logs and the admin API. */
  name: string
  /** A registry destination: its id, slug or folder name (e.g. "webhook"). */
  destination: string
  /** Defaults to true. A disabled instance receives nothing (its events count as filtered: disabled). */
  enabled?: boolean
  /** Names of the sources it listens to. */
  sources: string[]
  settings: Record<string, unknown>
  subscriptions: SubscriptionConfig[]
  /** Requests in flight at once for this instance (default 10). */
  maxConcurrency?: number
}

export interface EngineConfig {
  sources: SourceConfig[]
  destinations: DestinationInstanceConfig[]
}
