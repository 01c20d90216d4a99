import type { Features } from '../mapping-kit'
import type { PreparedMapping } from './prepare-mapping'
import type { ExecuteBundle } from './action-types'
import { syncModeTypes } from './types'
import type { ExecuteInput, SyncMode } from './types'

// What perform / performBatch receive besides the request client.

const EMPTY_FEATURES: Features = Object.freeze({}) as Features
// A mapping's sync mode reaches perform when it is one of these, whatever the action's own choices.
const FRAMEWORK_SYNC_MODES: ReadonlySet<unknown> = new Set(syncModeTypes)

/** The mapping's sync mode when the action defines `syncMode` and the value is a framework mode. */
export function syncModeOf(hasSyncMode: boolean, value: unknown): SyncMode | undefined {
  return hasSyncMode && FRAMEWORK_SYNC_MODES.has(value) ? (value as SyncMode) : undefined
}

export function executeInput<Settings, Payload, AudienceSettings>(
  bundle: ExecuteBundle<Settings, unknown, AudienceSettings>,
  payload: unknown,
  prepared: PreparedMapping,
  rawData: unknown
): ExecuteInput<Settings, Payload, AudienceSettings> {
  return {
    rawData,
    rawMapping: bundle.mapping,
    settings: bundle.settings,
    audienceSettings: bundle.audienceSettings,
    payload: payload as Payload,
    auth: bundle.auth,
    features: bundle.features ?? EMPTY_FEATURES,
    statsContext: bundle.statsContext,
    logger: bundle.logger,
    engageDestinationCache: bundle.engageDestinationCache,
    transactionContext: bundle.transactionContext,
    stateContext: bundle.stateContext,
    subscriptionMetadata: bundle.subscriptionMetadata,
    personasContext: bundle.personasContext,
    signal: bundle.signal,
    hookOutputs: bundle.hookOutputs ?? prepared.hookOutputs ?? {}
  }
}
