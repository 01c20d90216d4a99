import type { JSONObject } from '../json-object'
import type { EventEmitterSlug } from './event-emitter-types'

// When an action runs (`subscribe`, an FQL query) and how its payload is built (`mapping`).
export interface Subscription {
  name?: string
  partnerAction: string
  subscribe: string
  mapping?: JSONObject
  ActionID?: string
  ConfigID?: string
  ID?: string
  ProjectID?: string
}

interface AutomaticPreset extends Subscription {
  type: 'automatic'
}

interface SpecificEventPreset extends Omit<Subscription, 'subscribe'> {
  type: 'specificEvent'
  eventSlug: EventEmitterSlug
}

// A ready-made subscription offered when the destination is set up.
export type Preset = AutomaticPreset | SpecificEventPreset
