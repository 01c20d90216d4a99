// Services the delivery runtime may hand to actions. Core never requires any of them.

export interface TransactionContext {
  transaction: Record<string, string>
  setTransaction: (key: string, value: string) => void
}

export interface StateContext {
  getRequestContext(key: string, cb?: (res?: string) => unknown): unknown
  setResponseContext(key: string, value: string, ttl: { hour?: number; minute?: number; second?: number }): void
}

export interface StatsClient {
  observe: (metric: unknown) => unknown
  _name(name: string): string
  _tags(tags?: string[]): string[]
  incr(name: string, value?: number, tags?: string[]): void
  set(name: string, value: number, tags?: string[]): void
  histogram(name: string, value?: number, tags?: string[]): void
}

export interface StatsContext {
  statsClient: StatsClient
  tags: string[]
}

export interface Logger {
  level: string
  name: string
  debug(...message: string[]): void
  info(...message: string[]): void
  warn(...message: string[]): void
  error(...message: string[]): void
  crit(...message: string[]): void
  log(...message: string[]): void
  withTags(extraTags: unknown): void
}

export interface EngageDestinationCache {
  getByKey: (key: string) => Promise<string | null>
  readonly maxExpirySeconds: number
  readonly maxValueSizeBytes: number
  setByKey: (key: string, value: string, expiryInSeconds?: number) => Promise<boolean>
  setByKeyNX: (key: string, value: string, expiryInSeconds?: number) => Promise<boolean>
  delByKey: (key: string) => Promise<number>
}

export type SubscriptionMetadata = {
  actionConfigId?: string
  destinationConfigId?: string
  actionId?: string
  sourceId?: string
}

export type Personas = {
  computation_id: string
  computation_key: string
  namespace: string
  [key: string]: unknown
}
