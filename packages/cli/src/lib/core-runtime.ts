import type { DefinitionLike, FieldLike } from './definition-types'

/** A response the runtime captured, shaped like core's DecoratedResponse (only what we read). */
export interface CapturedResponse {
  status?: number
  statusText?: string
  url?: string
  headers?: unknown
  content?: string
  data?: unknown
  request?: { method?: string; url?: string; headers?: unknown }
  options?: { method?: string; body?: unknown; json?: unknown; headers?: unknown }
}

export interface RuntimeAction {
  readonly hasBatchSupport?: boolean
  execute(bundle: Record<string, unknown>): Promise<unknown>
  executeBatch?(bundle: Record<string, unknown>): Promise<unknown>
  executeDynamicField?(field: string, data: Record<string, unknown>): Promise<unknown>
  executeHook?(hookType: string, data: Record<string, unknown>): Promise<unknown>
}

/** What the server needs from core's `Destination` instance. */
export interface RuntimeDestination {
  readonly definition: DefinitionLike
  readonly actions: Record<string, RuntimeAction>
  readonly responses: CapturedResponse[]
  testAuthentication(settings: unknown): Promise<unknown>
  /** Throws (core's AggregateAjvError) when the settings do not fit the authentication fields. */
  validateSettings?(settings: unknown): void
  refreshAccessToken(settings: unknown, oauthData: unknown): Promise<unknown>
  createAudience?(input: Record<string, unknown>): Promise<unknown>
  getAudience?(input: Record<string, unknown>): Promise<unknown>
  executeDynamicField?(actionSlug: string, fieldKey: string, data: Record<string, unknown>): Promise<unknown>
  onDelete?(event: unknown, settings: unknown): Promise<unknown>
}

export type JsonSchema = Record<string, unknown>

export interface CoreRuntime {
  createDestination(definition: DefinitionLike): RuntimeDestination
  fieldsToJsonSchema(fields: Record<string, FieldLike> | undefined, options?: { tsType?: boolean }): JsonSchema
}

/**
 * Loads core lazily (it is heavy) and checks the two names the CLI needs, so a missing
 * export gives a sentence instead of "x is not a function" deep in a command.
 */
export function loadCore(): CoreRuntime {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('@action-destinations/core') as Record<string, unknown>
  const Destination = core.Destination
  const fieldsToJsonSchema = core.fieldsToJsonSchema
  if (typeof Destination !== 'function' || typeof fieldsToJsonSchema !== 'function') {
    throw new Error('@action-destinations/core does not export Destination and fieldsToJsonSchema (is it built?)')
  }
  const DestinationClass = Destination as new (definition: DefinitionLike) => RuntimeDestination
  return {
    createDestination: (definition) => new DestinationClass(definition),
    fieldsToJsonSchema: fieldsToJsonSchema as CoreRuntime['fieldsToJsonSchema']
  }
}

/** Core's mapping validator, when its mapping-kit entry point has one. */
export function loadMappingValidator(): ((mapping: Record<string, unknown>) => void) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const kit = require('@action-destinations/core/mapping-kit') as { validate?: unknown }
    return typeof kit.validate === 'function' ? (kit.validate as (mapping: Record<string, unknown>) => void) : undefined
  } catch {
    return undefined
  }
}

/** One schema problem: the JSON path of the value and a sentence about it. */
export interface SchemaProblem {
  path: string
  message: string
}

/** What the web tester needs to resolve and check a mapping without running the action. */
export interface MappingTools {
  transform(mapping: Record<string, unknown>, event: Record<string, unknown>): Record<string, unknown>
  /** The payload's schema problems against the action's fields; empty when it is valid. */
  schemaProblems(payload: unknown, fields: Record<string, FieldLike>): SchemaProblem[]
}

/** Core's `transform` and schema validation, loaded lazily like the rest of core. */
export function loadMappingTools(): MappingTools {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('@action-destinations/core') as Record<string, unknown>
  const { transform, validateSchema, fieldsToJsonSchema } = core
  if (typeof transform !== 'function' || typeof validateSchema !== 'function') {
    throw new Error('@action-destinations/core does not export transform and validateSchema (is it built?)')
  }
  const toSchema = fieldsToJsonSchema as CoreRuntime['fieldsToJsonSchema']
  const check = validateSchema as (payload: unknown, schema: JsonSchema) => boolean
  return {
    transform: (mapping, event) => (transform as MappingTools['transform'])(mapping, event),
    schemaProblems: (payload, fields) => {
      try {
        check(payload, toSchema(fields))
        return []
      } catch (error) {
        // core throws an AggregateAjvError whose toJSON lists { path, message } per problem.
        const listed = (error as { toJSON?: () => unknown }).toJSON?.()
        if (!Array.isArray(listed))
          return [{ path: '$', message: error instanceof Error ? error.message : String(error) }]
        return listed.map((entry: { path?: unknown; message?: unknown }) => ({
          path: String(entry.path ?? '$'),
          message: String(entry.message ?? '')
        }))
      }
    }
  }
}
