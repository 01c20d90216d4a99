// Turns a destination-kit conformance case's definition description into a real definition,
// as /work/shared/conformance/README.md describes ("From a definition description ...").
import {
  IntegrationError,
  RetryableError,
  InvalidAuthenticationError,
  APIError,
  PayloadValidationError,
  SelfTimeoutError,
  InvalidAudienceMembershipError,
  MultiStatusResponse
} from '../../src'
import type { DestinationDefinition, RequestClient } from '../../src'

export const HOST = 'https://conformance.invalid'

type Dict = Record<string, unknown>

export interface ErrorDescription {
  class: string
  message: string
  code?: string
  status?: number
}

export interface PerformDescription {
  kind: 'echo' | 'echoBundle' | 'throw' | 'throwIf' | 'request' | 'multistatus'
  keys?: string[]
  error?: ErrorDescription
  field?: string
  path?: string
  method?: string
  json?: unknown
  headers?: Dict
  searchParams?: Dict
  throwHttpErrors?: boolean
  returnResponse?: boolean
  errorStatus?: number
  errorMessage?: string
  errortype?: string
  includeSent?: boolean
  includeBody?: boolean
  skipSuccess?: boolean
}

export interface ActionDescription {
  title: string
  description?: string
  fields?: Dict
  defaultSubscription?: string
  syncMode?: unknown
  perform: PerformDescription
  performBatch?: PerformDescription
}

export interface DefinitionDescription {
  name: string
  mode?: string
  authentication?: { scheme: string; fields: Dict }
  extendRequest?: Dict
  actions: Record<string, ActionDescription>
}

export const UNDEFINED_TAG = { $conformance: 'undefined' }

function lookup(bundle: unknown, path: string): unknown {
  let value: unknown = bundle
  for (const part of path.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined
    value = (value as Dict)[part]
  }
  return value
}

const WHOLE = /^\{\{([^{}]+)\}\}$/
const PART = /\{\{([^{}]+)\}\}/g

// Fills `{{a.b}}` placeholders in every string of a value.
export function fill(value: unknown, bundle: unknown): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value)
    if (whole) return lookup(bundle, whole[1].trim())
    return value.replace(PART, (_match, path: string) => {
      const found = lookup(bundle, path.trim())
      return found === undefined || found === null ? '' : String(found)
    })
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, bundle))
  if (value !== null && typeof value === 'object') {
    const out: Dict = {}
    for (const key of Object.keys(value)) out[key] = fill((value as Dict)[key], bundle)
    return out
  }
  return value
}

function makeError(error: ErrorDescription): Error {
  switch (error.class) {
    case 'IntegrationError':
      return new IntegrationError(error.message, error.code as string, error.status as number)
    case 'RetryableError':
      return new RetryableError(error.message, error.status as never)
    case 'InvalidAuthenticationError':
      return new InvalidAuthenticationError(error.message, error.code as never)
    case 'APIError':
      return new APIError(error.message, error.status as number)
    case 'PayloadValidationError':
      return new PayloadValidationError(error.message)
    case 'SelfTimeoutError':
      return new SelfTimeoutError(error.message)
    case 'InvalidAudienceMembershipError':
      return new InvalidAudienceMembershipError(error.message)
    default:
      return new Error(error.message)
  }
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? UNDEFINED_TAG : JSON.parse(JSON.stringify(value))
}

function makePerform(description: PerformDescription, batch: boolean) {
  return async (request: RequestClient, data: Dict): Promise<unknown> => {
    const payload = data.payload
    switch (description.kind) {
      case 'echo':
        return payload
      case 'echoBundle': {
        const out: Dict = {}
        for (const key of description.keys ?? []) out[key] = jsonCopy(data[key])
        return out
      }
      case 'throw':
        throw makeError(description.error as ErrorDescription)
      case 'throwIf': {
        const field = description.field as string
        const payloads = batch ? (payload as Dict[]) : [payload as Dict]
        if (payloads.some((p) => p && p[field])) throw makeError(description.error as ErrorDescription)
        return payload
      }
      case 'request': {
        const options: Dict = { method: description.method ?? 'POST' }
        if (description.json === undefined) options.json = payload
        else if (description.json !== null) options.json = fill(description.json, data)
        if (description.headers) options.headers = fill(description.headers, data)
        if (description.searchParams) options.searchParams = fill(description.searchParams, data)
        if (description.throwHttpErrors === false) options.throwHttpErrors = false
        const path = fill(description.path ?? '/', data) as string
        const response = await request(HOST + path, options as never)
        if (description.returnResponse) return response
        return { status: response.status, data: response.data }
      }
      case 'multistatus': {
        const field = description.field as string
        const ms = new MultiStatusResponse()
        ;(payload as Dict[]).forEach((p, i) => {
          if (p[field]) {
            const error: Dict = {
              status: description.errorStatus ?? 400,
              errormessage: (description.errorMessage ?? 'rejected') + ' #' + i
            }
            if (description.errortype) error.errortype = description.errortype
            if (description.includeSent) error.sent = p
            if (description.includeBody) error.body = { index: i }
            ms.pushErrorResponse(error as never)
          } else if (!description.skipSuccess) {
            ms.pushSuccessResponse({ status: 200, sent: p as never, body: { ok: true, index: i } })
          }
        })
        return ms
      }
      default:
        throw new Error(`unknown perform kind ${String((description as PerformDescription).kind)}`)
    }
  }
}

export function buildDefinition(description: DefinitionDescription): DestinationDefinition<Dict> {
  const actions: Dict = {}
  for (const key of Object.keys(description.actions)) {
    const action = description.actions[key]
    const built: Dict = {
      title: action.title,
      description: action.description ?? action.title,
      fields: action.fields,
      perform: makePerform(action.perform, false)
    }
    if (action.defaultSubscription !== undefined) built.defaultSubscription = action.defaultSubscription
    if (action.syncMode !== undefined) built.syncMode = action.syncMode
    if (action.performBatch) built.performBatch = makePerform(action.performBatch, true)
    actions[key] = built
  }
  const definition: Dict = { name: description.name, mode: description.mode ?? 'cloud', actions }
  if (description.authentication) definition.authentication = { ...description.authentication }
  if (description.extendRequest) {
    const extension = description.extendRequest
    definition.extendRequest = (bundle: unknown) => fill(extension, bundle)
  }
  return definition as unknown as DestinationDefinition<Dict>
}
