// Every value the reference's package root exports (errors, the request client, utilities,
// directive guards), used the way destinations use them. Type-checked (never run) by `yarn check:types`.
import https from 'https'
import {
  APIError,
  CustomErrorCodes,
  DEFAULT_REQUEST_TIMEOUT,
  ErrorCodes,
  FLAGS,
  HTTPError,
  Headers,
  HttpErrorCodes,
  IntegrationError,
  InvalidAudienceMembershipError,
  InvalidAuthenticationError,
  PayloadValidationError,
  Request,
  RequestTimeoutError,
  Response,
  RetryableError,
  SelfTimeoutError,
  createInstance,
  createRequestClient,
  defaultValues,
  duration,
  fetch,
  fieldsToJsonSchema,
  get,
  getAuthData,
  getErrorCodeFromHttpStatus,
  getFieldValue,
  getFieldValueKeys,
  isArray,
  isArrayPathDirective,
  isCaseDirective,
  isDirective,
  isExcludeWhenNullDirective,
  isIfDirective,
  isJSONDirective,
  isLiteralDirective,
  isObject,
  isPathDirective,
  isReplaceDirective,
  isString,
  isTemplateDirective,
  omit,
  realTypeOf,
  removeUndefined,
  resolveAudienceMembership,
  retry,
  time,
  transform,
  validateSchema
} from '@action-destinations/core'
import type {
  ArrayPathDirective,
  AudienceMembership,
  CaseDirective,
  Directive,
  DirectiveMetadata,
  FieldValue,
  IfDirective,
  JSONDirective,
  JSONObject,
  LiteralDirective,
  ModifiedResponse,
  PathDirective,
  PrimitiveValue,
  ReplaceDirective,
  RequestClient,
  RequestOptions,
  SegmentEvent,
  TemplateDirective
} from '@action-destinations/core'

// Errors as destinations throw and inspect them.
export function errors(error: unknown): number | undefined {
  if (error instanceof HTTPError) return error.response.status
  const thrown: Error[] = [
    new IntegrationError('Bad', 'BAD', 400),
    new IntegrationError('Bad', ErrorCodes.PAYLOAD_VALIDATION_FAILED, 400),
    new RetryableError('Later'),
    new PayloadValidationError('Missing'),
    new InvalidAuthenticationError('Who?', ErrorCodes.INVALID_AUTHENTICATION),
    new InvalidAudienceMembershipError('No'),
    new SelfTimeoutError('Slow'),
    new APIError('Api', 500),
    new RequestTimeoutError()
  ]
  const codes: string[] = [
    getErrorCodeFromHttpStatus(429),
    HttpErrorCodes.TOO_MANY_REQUESTS,
    CustomErrorCodes.OAUTH_REFRESH_FAILED,
    ErrorCodes.PAYLOAD_VALIDATION_FAILED
  ]
  return thrown.length + codes.length + DEFAULT_REQUEST_TIMEOUT
}

// The request client: options as destinations pass them, responses as they read them.
export async function requests(request: RequestClient, event: SegmentEvent): Promise<unknown> {
  const agent = new https.Agent({ keepAlive: true })
  const options: RequestOptions = {
    method: 'post',
    json: { id: event.userId, device: event.context?.device.id, ip: event.context?.ip },
    headers: { authorization: 'Bearer token' },
    searchParams: { page: 1, full: true },
    timeout: 5000,
    throwHttpErrors: false,
    agent
  }
  const response = await request<{ id: string }>('https://api.example.com/items', options)
  const id: string = response.data.id
  const text: string = response.content
  const status: number = response.status
  const typed: ModifiedResponse<{ id: string }> = response
  const client = createRequestClient({ headers: { 'x-a': 'b' } }, { timeout: 1000 })
  const instance = createInstance({ timeout: 1000 }).extend({ headers: { 'x-b': 'c' } })
  const raw: globalThis.Response = await instance('https://api.example.com/raw')
  const fetched = await fetch(new Request('https://api.example.com/raw', { headers: new Headers({ a: 'b' }) }))
  const made = new Response('{}', { status: 200 })
  return [id, text, status, typed, client, raw.status, fetched.ok, made.ok]
}

// The small utilities of the root.
export async function utilities(event: SegmentEvent, settings: JSONObject): Promise<unknown[]> {
  const start = time()
  const elapsed: number = duration(start, time())
  const picked = omit({ a: 1, b: 2 }, ['b'])
  const cleaned = removeUndefined({ a: 1, b: undefined })
  const value = get<string>(event, 'properties.name')
  const kinds = [realTypeOf(event), isObject(event), isArray(event), isString(event)]
  const retried = await retry(async () => 1, { retries: 2 })
  const auth = getAuthData(settings)
  const membership: AudienceMembership = resolveAudienceMembership(event as unknown as JSONObject, 'add')
  const flags = FLAGS
  const defaults = defaultValues({ name: { label: 'Name', description: 'Name', type: 'string', default: 'x' } })
  const schema = fieldsToJsonSchema({ name: { label: 'Name', description: 'Name', type: 'string' } })
  const valid: boolean = validateSchema({ name: 'x' }, schema, { throwIfInvalid: false })
  const payload = transform({ id: { '@path': '$.userId' } }, event as unknown as JSONObject)
  return [elapsed, picked, cleaned, value, kinds, retried, auth, membership, flags, defaults, valid, payload]
}

// Mapping directives and their guards.
export function directives(value: FieldValue): unknown[] {
  const keys: string[] = getFieldValueKeys(value)
  const path: PathDirective = { '@path': '$.userId' }
  const template: TemplateDirective = { '@template': '{{userId}}' }
  const literal: LiteralDirective = { '@literal': 'x' }
  const ifDirective: IfDirective = { '@if': { exists: { '@path': '$.a' }, then: 'y', else: 'n' } }
  const arrayPath: ArrayPathDirective = { '@arrayPath': ['$.products', { sku: { '@path': '$.sku' } }] }
  const caseDirective: CaseDirective = { '@case': { operator: 'lower', value: 'A' } }
  const replace: ReplaceDirective = {
    '@replace': { pattern: 'a', replacement: 'b', pattern2: '', replacement2: '', global: true, ignorecase: false }
  }
  const json: JSONDirective = { '@json': { mode: 'encode', value: { '@path': '$.a' } } }
  const any: Directive = path
  const metadata: DirectiveMetadata = { _metadata: { label: 'x', type: 'variable' } }
  const primitive: PrimitiveValue = 'x'
  const guards = [
    isDirective(value),
    isPathDirective(value),
    isTemplateDirective(value),
    isLiteralDirective(value),
    isIfDirective(value),
    isArrayPathDirective(value),
    isCaseDirective(value),
    isReplaceDirective(value),
    isJSONDirective(value),
    isExcludeWhenNullDirective(value)
  ]
  const all: unknown[] = [template, literal, ifDirective, arrayPath, caseDirective, replace, json, any, metadata]
  return all.concat([primitive, guards, keys, getFieldValue(value)])
}
