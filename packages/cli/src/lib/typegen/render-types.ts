import type { CoreRuntime, JsonSchema } from '../core-runtime'
import { prepareSchemaForTypes } from './prepare-schema'
import type { ActionLike, DefinitionLike, FieldLike } from '../definition-types'

export const BANNER = '// Generated file. DO NOT MODIFY IT BY HAND.'
const EMPTY_INTERFACE_LINT = '// eslint-disable-next-line @typescript-eslint/no-empty-object-type'

const PROJECT_STYLE = { semi: false, singleQuote: true, printWidth: 120, trailingComma: 'none' as const }

interface NamedSchema {
  name: string
  schema: JsonSchema
}

function pascal(key: string): string {
  return key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')
}

async function render(schemas: NamedSchema[], filePath: string): Promise<string> {
  const { compile } = await import('json-schema-to-typescript')
  const prettier = await import('prettier')
  const parts: string[] = []
  for (const { name, schema } of schemas) {
    parts.push(
      await compile(prepareSchemaForTypes(schema), name, {
        bannerComment: '',
        format: false,
        declareExternallyReferenced: true
      })
    )
  }
  // The repo's lint forbids empty object types; an action without fields still needs its Payload.
  const body = parts
    .join('\n')
    .replace(/^export interface (\w+) \{\s*\}$/gm, `${EMPTY_INTERFACE_LINT}\nexport interface $1 {}`)
  const source = `${BANNER}\n\n${body}`
  // Outside the repo (no config found) keep the project's own style.
  const config = (await prettier.resolveConfig(filePath)) ?? PROJECT_STYLE
  return prettier.format(source, { ...config, filepath: filePath, parser: 'typescript' })
}

function toSchema(core: CoreRuntime, fields: Record<string, FieldLike> | undefined): JsonSchema {
  return core.fieldsToJsonSchema(fields ?? {}, { tsType: true })
}

/** generated-types.ts of a destination: Settings, plus AudienceSettings for audience destinations. */
export function renderDestinationTypes(
  core: CoreRuntime,
  definition: DefinitionLike,
  filePath: string
): Promise<string> {
  const schemas: NamedSchema[] = [
    { name: 'Settings', schema: toSchema(core, definition.authentication?.fields ?? definition.settings) }
  ]
  if (definition.audienceFields)
    schemas.push({ name: 'AudienceSettings', schema: toSchema(core, definition.audienceFields) })
  return render(schemas, filePath)
}

/** generated-types.ts of an action: Payload, plus inputs/outputs of each hook. */
export function renderActionTypes(core: CoreRuntime, action: ActionLike, filePath: string): Promise<string> {
  const schemas: NamedSchema[] = [{ name: 'Payload', schema: toSchema(core, action.fields) }]
  for (const [hookKey, hook] of Object.entries(action.hooks ?? {})) {
    if (!hook) continue
    if (hook.inputFields) schemas.push({ name: `${pascal(hookKey)}Inputs`, schema: toSchema(core, hook.inputFields) })
    if (hook.outputTypes) schemas.push({ name: `${pascal(hookKey)}Outputs`, schema: toSchema(core, hook.outputTypes) })
  }
  return render(schemas, filePath)
}
