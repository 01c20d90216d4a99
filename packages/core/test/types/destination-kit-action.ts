// The reference's `destination-kit` subpaths as destinations import them: an action with a hook, a
// sync mode and a batch (`@segment/actions-core/destination-kit`, `.../destination-kit/action`, ...).
import {
  Destination,
  fieldsToJsonSchema as kitFieldsToJsonSchema,
  hookTypeStrings as kitHookTypes
} from '@action-destinations/core/destination-kit'
import type {
  ActionDefinition,
  ActionHookDefinition,
  ActionHookResponse,
  ActionHookType,
  DestinationDefinition,
  MinimalInputField,
  OAuth2ClientCredentials,
  RefreshAccessTokenResult
} from '@action-destinations/core/destination-kit'
import {
  Action,
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  MultiStatusResponse,
  hookTypeStrings
} from '@action-destinations/core/destination-kit/action'
import type {
  ActionHookType as HookTypeOfAction,
  ExecuteDynamicFieldInput
} from '@action-destinations/core/destination-kit/action'
import type { EventEmitterSlug } from '@action-destinations/core/destination-kit/event-emitter-types'
import {
  conditionsToJsonSchema,
  fieldConditionSingleDependencyToJsonSchema,
  fieldsToJsonSchema,
  singleFieldConditionsToJsonSchema
} from '@action-destinations/core/destination-kit/fields-to-jsonschema'
import type { MinimalFields } from '@action-destinations/core/destination-kit/fields-to-jsonschema'
import {
  getAuthData,
  getOAuth2Data,
  updateOAuthSettings
} from '@action-destinations/core/destination-kit/parse-settings'
import type { AuthTokens } from '@action-destinations/core/destination-kit/parse-settings'
import { syncModeTypes } from '@action-destinations/core/destination-kit/types'
import type {
  DependsOnConditions,
  DynamicFieldResponse,
  SyncMode,
  SyncModeDefinition,
  SyncModeOption
} from '@action-destinations/core/destination-kit/types'

export interface Settings {
  apiKey: string
}

export interface Payload {
  email: string
  reason?: string
}

export interface HookInputs {
  name: string
}

export interface HookOutputs {
  id: string
}

// A sync-mode condition, as destinations declare conditionally required fields.
const UPSERT: DependsOnConditions = {
  match: 'all',
  conditions: [{ type: 'field', fieldKey: '__segment_internal_sync_mode', operator: 'is', value: 'upsert' }]
}

const onMappingSave: ActionHookDefinition<Settings, Payload, unknown, HookInputs, HookOutputs> = {
  label: 'Create list',
  description: 'Creates the list',
  inputFields: { name: { label: 'Name', description: 'Name', type: 'string', required: true } },
  outputTypes: { id: { label: 'ID', description: 'ID', type: 'string', required: true } },
  performHook: async (_request, { hookInputs }): Promise<ActionHookResponse<HookOutputs>> => ({
    successMessage: 'created',
    savedData: { id: hookInputs?.name ?? '' }
  })
}

const option: SyncModeOption = { label: 'Upsert', value: 'upsert' }
const syncMode: SyncModeDefinition = { label: 'Sync', description: 'How', default: 'upsert', choices: [option] }

export const action: ActionDefinition<Settings, Payload, unknown, HookInputs, HookOutputs> = {
  title: 'Sync',
  description: 'Sync',
  fields: {
    email: { label: 'Email', description: 'Email', type: 'string', format: 'email', required: true },
    reason: { label: 'Reason', description: 'Reason', type: 'string', required: UPSERT }
  },
  syncMode,
  hooks: { onMappingSave },
  dynamicFields: {
    reason: async (): Promise<DynamicFieldResponse> => ({ choices: [{ label: 'A', value: 'a' }] })
  },
  perform: (request, { payload, syncMode: mode, hookOutputs, settings }) => {
    const listId = hookOutputs?.onMappingSave?.outputs?.id
    if (mode === 'delete')
      return request(`https://api.example.com/lists/${listId}/${payload.email}`, { method: 'delete' })
    return request('https://api.example.com/lists', {
      method: 'post',
      json: { listId, ...payload, key: settings.apiKey }
    })
  },
  performBatch: async (request, { payload }) => {
    const response = await request('https://api.example.com/batch', {
      method: 'post',
      json: payload,
      throwHttpErrors: false
    })
    const multistatus = new MultiStatusResponse()
    payload.forEach((item, index) => {
      if (response.status === 200) {
        multistatus.setSuccessResponseAtIndex(index, { status: 200, sent: { ...item }, body: 'ok' })
      } else {
        multistatus.setErrorResponseAtIndex(
          index,
          new ActionDestinationErrorResponse({ status: 400, errormessage: 'x' })
        )
      }
    })
    return multistatus
  }
}

export function kit(settings: Settings): unknown[] {
  const definition: DestinationDefinition<Settings> = { name: 'Kit', mode: 'cloud', actions: { sync: action } }
  const destination = new Destination<Settings>(definition)
  const hookType: ActionHookType = kitHookTypes[0]
  const hookTypeOfAction: HookTypeOfAction = hookTypeStrings[1]
  const runnable = new Action<Settings, { email: string }>('Kit', action)
  const success = new ActionDestinationSuccessResponse({ status: 200, sent: {}, body: {} })
  const dynamicInput: ExecuteDynamicFieldInput<Settings, Payload> = { settings, payload: { email: 'a' } }
  const fields: MinimalFields = { email: { label: 'Email', type: 'string' } }
  const minimal: MinimalInputField = fields.email
  const schemas = [
    kitFieldsToJsonSchema(fields),
    fieldsToJsonSchema(fields, { tsType: true }),
    conditionsToJsonSchema({ reason: UPSERT }),
    singleFieldConditionsToJsonSchema('reason', UPSERT),
    fieldConditionSingleDependencyToJsonSchema(UPSERT.conditions[0], 'reason')
  ]
  const tokens: AuthTokens = getAuthData({ oauth: { access_token: 'a' } })
  const credentials: OAuth2ClientCredentials = getOAuth2Data({})
  const refreshed: RefreshAccessTokenResult = { accessToken: tokens.accessToken }
  const updated = updateOAuthSettings({}, refreshed)
  const slug: EventEmitterSlug = 'warehouse_entity_added_track'
  const modes: readonly SyncMode[] = syncModeTypes
  const all: unknown[] = [
    destination,
    hookType,
    hookTypeOfAction,
    runnable,
    success,
    dynamicInput,
    minimal,
    schemas,
    credentials
  ]
  return all.concat([updated, slug, modes])
}
