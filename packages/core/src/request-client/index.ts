export { default, default as createInstance } from './core/create-instance'
export type { RequestClientInstance } from './core/create-instance'
export { default as createRequestClient } from './create-request-client'
export type { RequestClient, ResponseError } from './create-request-client'
export { DEFAULT_REQUEST_TIMEOUT } from './constants'
export { HTTPError } from './errors/http-error'
export { TimeoutError } from './errors/timeout-error'
export { RequestClientError } from './errors/request-client-error'
export { RequestTimeoutError } from './errors/request-timeout-error'
export { parseResponse } from './parse-response'
export type {
  AfterResponseHook,
  AllRequestOptions,
  BeforeRequestHook,
  HttpMethod,
  ModifiedResponse,
  NormalizedOptions,
  RequestOptions,
  SearchParamsInit
} from './types'
