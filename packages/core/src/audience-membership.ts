import type { InputData } from './mapping-kit'
import type { SyncMode, AudienceMembership } from './destination-kit/types'

type Loose = Record<string, unknown>

function asObject(value: unknown): Loose | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined
}

const ENGAGE_CLASSES = new Set(['audience', 'journey_step'])

// Engage audiences and journeys put the membership under the computation key:
// in `properties` for track events, in `traits` for identify events.
export function engageAudienceMembership(rawData: InputData | undefined): AudienceMembership {
  const data = asObject(rawData)
  const personas = asObject(asObject(data?.context)?.personas)
  if (!data || !personas) return undefined
  const computationClass = personas.computation_class
  if (typeof computationClass !== 'string' || !ENGAGE_CLASSES.has(computationClass)) return undefined
  const key = personas.computation_key
  if (typeof key !== 'string') return undefined
  const source =
    data.type === 'track' ? asObject(data.properties) : data.type === 'identify' ? asObject(data.traits) : undefined
  const value = source?.[key]
  return typeof value === 'boolean' ? value : undefined
}

// Reverse ETL: the sync mode says which event names mean "entered" and "exited".
export function retlAudienceMembership(rawData: InputData | undefined, syncMode?: SyncMode): AudienceMembership {
  const data = asObject(rawData)
  if (!data || !syncMode) return undefined
  const event = data.event
  switch (syncMode) {
    case 'add':
      return event === 'new' ? true : undefined
    case 'update':
      return event === 'updated' ? true : undefined
    case 'upsert':
      return event === 'new' || event === 'updated' ? true : undefined
    case 'delete':
      return event === 'deleted' ? false : undefined
    case 'mirror':
      return event === 'new' || event === 'updated' ? true : event === 'deleted' ? false : undefined
    default:
      return undefined
  }
}

// Whether the event says its user entered (true) or left (false) an audience; undefined when unknown.
export function resolveAudienceMembership(rawData: InputData | undefined, syncMode?: SyncMode): AudienceMembership {
  const engage = engageAudienceMembership(rawData)
  if (engage !== undefined) return engage
  return retlAudienceMembership(rawData, syncMode)
}
