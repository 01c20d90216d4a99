import type { JSONSchema4 } from 'json-schema'
import { AggregateAjvError } from '@action-destinations/ajv-human-errors'
import type { JSONObject } from '../json-object'
import { arrifyFields } from '../arrify'
import { getValidator } from './ajv'
import { getAuthData } from './parse-settings'
import { makeRequestClient, NOT_RECORDED } from './make-request-client'
import type { RequestClient } from './request-client-type'
import type { MinimalFields } from './fields-to-jsonschema'
import type {
  AudienceDestinationConfigurationWithCreateGet,
  AudienceDestinationDefinition,
  AudienceResult,
  CreateAudienceInput,
  GetAudienceInput
} from './audience-types'
import type { DestinationDefinition } from './destination-types'
import type { ExecuteInput, RequestExtension } from './types'
import { cloneJsonLike, stripReserved } from './settings/destination-settings'
import { isRecord } from './is-record'

// createAudience / getAudience: the audience settings checked, and one retry after an OAuth refresh.

/* eslint-disable @typescript-eslint/no-explicit-any -- extendRequest's generic default mirrors the reference */

// What audience calls use of the destination (its public members).
export interface AudienceCaller<Settings> {
  readonly definition: DestinationDefinition<Settings>
  readonly extendRequest?: RequestExtension<Settings, any>
  handleError(error: unknown, settings: JSONObject): Promise<JSONObject>
}

export async function createAudienceWith<Settings, AudienceSettings>(
  destination: AudienceCaller<Settings>,
  createAudienceInput: CreateAudienceInput<Settings, AudienceSettings>,
  schemaOf: (fields: MinimalFields) => JSONSchema4
): Promise<AudienceResult> {
  const config = audienceConfigOf<Settings, AudienceSettings>(destination.definition)
  if (!config || typeof config.createAudience !== 'function') throw new Error('Unexpected call to createAudience')
  const fields = audienceFieldsOf(destination.definition)
  const audienceSettings = validAudienceSettings(createAudienceInput, fields && (() => schemaOf(fields)))
  const input =
    audienceSettings === createAudienceInput.audienceSettings
      ? createAudienceInput
      : { ...createAudienceInput, audienceSettings }
  return withAudienceAuth(
    destination,
    input,
    (request) => config.createAudience?.(request, input) as Promise<AudienceResult>
  )
}

export async function getAudienceWith<Settings, AudienceSettings>(
  destination: AudienceCaller<Settings>,
  getAudienceInput: GetAudienceInput<Settings, AudienceSettings>
): Promise<AudienceResult> {
  const config = audienceConfigOf<Settings, AudienceSettings>(destination.definition)
  if (!config || typeof config.getAudience !== 'function') throw new Error('Unexpected call to getAudience')
  return withAudienceAuth(
    destination,
    getAudienceInput,
    (request) => config.getAudience?.(request, getAudienceInput) as Promise<AudienceResult>
  )
}

function audienceConfigOf<Settings, AudienceSettings>(definition: DestinationDefinition<Settings>) {
  return (definition as unknown as Partial<AudienceDestinationDefinition<Settings, AudienceSettings>>)
    .audienceConfig as Partial<AudienceDestinationConfigurationWithCreateGet<Settings, AudienceSettings>> | undefined
}

/** The definition's `audienceFields`, when it has them as an object. */
function audienceFieldsOf<Settings>(definition: DestinationDefinition<Settings>): MinimalFields | undefined {
  const fields = (definition as unknown as { audienceFields?: MinimalFields }).audienceFields
  return fields && typeof fields === 'object' ? fields : undefined
}

// Like the reference, non-empty audience settings are checked against `audienceFields` (a 400
// AggregateAjvError); they are coerced on a copy, so the caller's object is not modified.
function validAudienceSettings<Settings, AudienceSettings>(
  input: CreateAudienceInput<Settings, AudienceSettings>,
  schemaOf: (() => JSONSchema4) | undefined
): AudienceSettings | undefined {
  const given = input.audienceSettings as unknown
  if (!isRecord(given) || Object.keys(given).length === 0 || !schemaOf) return input.audienceSettings
  const schema = schemaOf()
  const copy = arrifyFields(cloneJsonLike(given), schema) as JSONObject
  const validate = getValidator(schema)
  if (!validate(copy)) throw new AggregateAjvError(validate.errors)
  return copy as unknown as AudienceSettings
}

// Runs an audience call; with OAuth, a 401 refreshes the token and the call is tried once more
// (two attempts, as in the reference). The request client never records responses.
async function withAudienceAuth<Settings, AudienceSettings>(
  destination: AudienceCaller<Settings>,
  input: { settings: Settings; audienceSettings?: AudienceSettings },
  call: (request: RequestClient) => Promise<AudienceResult>
): Promise<AudienceResult> {
  const destinationSettings = stripReserved(input.settings as unknown as JSONObject) as unknown as Settings
  let settings = input.settings as unknown as JSONObject
  for (let attempt = 1; ; attempt++) {
    const data = {
      settings: destinationSettings,
      audienceSettings: input.audienceSettings,
      auth: getAuthData(settings),
      payload: undefined
    } as ExecuteInput<Settings, unknown>
    try {
      return await call(makeRequestClient(destination.extendRequest, data, NOT_RECORDED))
    } catch (error) {
      if (attempt >= 2) throw error
      settings = await destination.handleError(error, settings)
    }
  }
}
