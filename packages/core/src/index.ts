// Package root: the same export names as @segment/actions-core 3.170.0, plus a few additions
// (marked below) that tools in this repository use.
export { Destination, fieldsToJsonSchema } from './destination-kit'
export { getAuthData } from './destination-kit/parse-settings'
export { transform } from './mapping-kit'
export type { Features } from './mapping-kit'
export type {
  ArrayPathDirective,
  CaseDirective,
  Directive,
  DirectiveMetadata,
  FieldValue,
  IfDirective,
  LiteralDirective,
  PathDirective,
  PrimitiveValue,
  ReplaceDirective,
  TemplateDirective,
  JSONDirective
} from './mapping-kit'
export {
  getFieldValue,
  getFieldValueKeys,
  isArrayPathDirective,
  isCaseDirective,
  isDirective,
  isIfDirective,
  isLiteralDirective,
  isPathDirective,
  isReplaceDirective,
  isTemplateDirective,
  isJSONDirective,
  isExcludeWhenNullDirective
} from './mapping-kit'
export { createTestEvent } from './create-test-event'
export { createTestIntegration } from './create-test-integration'
export { createInstance, RequestTimeoutError, createRequestClient } from './request-client'
export { defaultValues } from './defaults'
export {
  IntegrationError,
  InvalidAuthenticationError,
  RetryableError,
  PayloadValidationError,
  InvalidAudienceMembershipError,
  SelfTimeoutError,
  APIError,
  ErrorCodes,
  HttpErrorCodes,
  CustomErrorCodes,
  getErrorCodeFromHttpStatus
} from './errors'
export { retry } from './retry'
export { get } from './get'
export { omit } from './omit'
export { removeUndefined } from './remove-undefined'
export { time, duration } from './time'
export { realTypeOf, isObject, isArray, isString } from './real-type-of'
export type { RequestOptions } from './request-client'
export { HTTPError, DEFAULT_REQUEST_TIMEOUT } from './request-client'
export type { ModifiedResponse } from './types'
export { fetch, Request, Response, Headers } from './fetch'
export type {
  BaseActionDefinition,
  ActionDefinition,
  ActionHookResponse,
  BaseDefinition,
  DestinationDefinition,
  AudienceDestinationDefinition,
  WarehouseDestinationDefinition,
  ExecuteInput,
  Subscription,
  SubscriptionStats,
  AuthenticationScheme,
  BasicAuthentication,
  CustomAuthentication,
  OAuth2Authentication,
  OAuthManagedAuthentication,
  OAuth2ClientCredentials,
  RefreshAccessTokenResult,
  RequestFn,
  DecoratedResponse,
  MinimalInputField,
  StateContext,
  StatsContext,
  Logger,
  Preset,
  Result
} from './destination-kit'
export type {
  AudienceMembership,
  DynamicFieldResponse,
  DynamicFieldError,
  DynamicFieldItem,
  InputField,
  GlobalSetting,
  RequestExtension,
  SyncModeDefinition
} from './destination-kit/types'
export type { JSONPrimitive, JSONValue, JSONObject, JSONArray, JSONLike, JSONLikeObject } from './json-object'
export type { SegmentEvent } from './segment-event'
export type { RequestClient } from './destination-kit/request-client-type'
export { ActionDestinationSuccessResponse, ActionDestinationErrorResponse, MultiStatusResponse } from './multistatus'
export { validateSchema } from './schema-validation'
export { resolveAudienceMembership } from './audience-membership'
export { FLAGS } from './flags'

// Additions (not in the reference's root): the mapping validator and batch transform, and the
// multistatus reporter enum, for tools and conformance drivers.
export { validateMapping, transformBatch } from './mapping-kit'
export { MultiStatusErrorReporter } from './errors'
