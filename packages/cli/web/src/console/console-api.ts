// The console's calls to its API; errors arrive as ApiError with the server's sentence.
import { call } from '../api'
import type {
  Attempt,
  DeadLetter,
  DestinationManifest,
  DestinationsAnswer,
  EventDetail,
  EventSummary,
  MappingCheck,
  RegistryItem,
  SubscriptionOverview
} from './types'

const API = '/console-api'

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value)
  const text = search.toString()
  return text ? `?${text}` : ''
}

export interface Scope {
  instance?: string
  subscriptionId?: string
}

export const consoleApi = {
  session: () => call<{ needsLogin: boolean; loggedIn: boolean }>('GET', `${API}/session`),
  login: (token: string) => call<{ loggedIn: boolean }>('POST', `${API}/login`, { token }),
  destinations: () => call<DestinationsAnswer>('GET', `${API}/destinations`),
  registry: () => call<RegistryItem[]>('GET', `${API}/registry`),
  manifest: (key: string) => call<DestinationManifest>('GET', `${API}/registry/${encodeURIComponent(key)}`),
  createInstance: (instance: Record<string, unknown>) =>
    call<{ version: number; name: string }>('POST', `${API}/instances`, instance),
  saveInstance: (name: string, instance: Record<string, unknown>) =>
    call<{ version: number; name: string }>('PUT', `${API}/instances/${encodeURIComponent(name)}`, instance),
  deleteInstance: (name: string) => call<{ version: number }>('DELETE', `${API}/instances/${encodeURIComponent(name)}`),
  testCredentials: (destination: string, settings: Record<string, unknown>, instance?: string) =>
    call<{ ok: boolean; message: string }>('POST', `${API}/test-credentials`, { destination, settings, instance }),
  events: (filter: { type?: string; name?: string; limit?: number }) =>
    call<EventSummary[]>(
      'GET',
      `${API}/events${query({ type: filter.type, name: filter.name, limit: filter.limit?.toString() })}`
    ),
  event: (id: string) => call<EventDetail>('GET', `${API}/events/${encodeURIComponent(id)}`),
  testConditions: (fql: string) =>
    call<{ tested: number; matched: number; events: EventSummary[] }>('POST', `${API}/test-conditions`, { fql }),
  testMapping: (body: { destination: string; action: string; mapping: Record<string, unknown>; eventId: string }) =>
    call<MappingCheck>('POST', `${API}/test-mapping`, body),
  overview: (scope: Scope, period: 'hour' | 'day') =>
    call<{ now: number; period: 'hour' | 'day'; subscriptions: SubscriptionOverview[] }>(
      'GET',
      `${API}/overview${query({ ...scope, period })}`
    ),
  attempts: (scope: Scope) => call<Attempt[]>('GET', `${API}/attempts${query({ ...scope })}`),
  deadLetters: (scope: Scope) => call<DeadLetter[]>('GET', `${API}/dead-letters${query({ ...scope })}`),
  replay: (selection: { jobIds: string[] } | (Scope & { all: true })) =>
    call<{ replayed: number }>('POST', `${API}/dead-letters/replay`, selection)
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
