import type { ActionLike, DefinitionLike, FieldLike } from '../definition-types'
import type { Issue } from './issue'

/** Parses FQL; returns the error message, or undefined when it parses. */
export type FqlChecker = (fql: string) => string | undefined

// Setting keys that hold credentials; they must be typed `password` so UIs mask them.
const SECRET_KEY = /(api[-_]?key|secret|token|password|passwd|private[-_]?key|access[-_]?key)/i
// Some vendors publish such keys on purpose (Mixpanel's project token, Amplitude's API key ship in
// browser code): a description that says the value is public tells the check so.
const SAYS_PUBLIC = /\bpublic\b/i

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0
}

function checkFieldDescriptions(
  fields: Record<string, FieldLike> | undefined,
  report: (field: string, message: string) => void
): void {
  for (const [key, field] of Object.entries(fields ?? {})) {
    if (!hasText(field.description)) report(key, 'field has no description')
  }
}

function checkBatchKeys(action: ActionLike, report: (message: string) => void): void {
  const field = action.fields?.batch_keys
  if (!field) return
  if (field.type !== 'string') report(`batch_keys must be of type "string" (is "${String(field.type)}")`)
  if (field.multiple !== true) report('batch_keys must set multiple: true')
  if (field.required === true) report('batch_keys must not be required')
  const defaults = field.default
  if (defaults === undefined) return
  if (!Array.isArray(defaults)) {
    report('batch_keys default must be an array of field keys')
    return
  }
  for (const key of defaults) {
    if (
      typeof key !== 'string' ||
      !Object.prototype.hasOwnProperty.call(action.fields ?? {}, key) ||
      key === 'batch_keys'
    ) {
      report(`batch_keys default names "${String(key)}", which is not a field of the action`)
    }
  }
}

/** Runs every check on one definition. */
export function checkDefinition(definition: DefinitionLike, parseFql: FqlChecker): Issue[] {
  const issues: Issue[] = []
  const destination = definition.name
  const add = (level: Issue['level'], message: string, action?: string, field?: string): void => {
    issues.push({ level, destination, action, field, message })
  }

  const actions = definition.actions ?? {}
  // A warning, not an error: a destination fresh from `init` has none yet and the repo must stay green.
  if (Object.keys(actions).length === 0) {
    add('warning', 'the destination has no actions yet; add one with ./bin/run generate:action')
  }
  if (!hasText(definition.description)) add('warning', 'the destination has no description')

  const settings = definition.authentication?.fields ?? definition.settings
  checkFieldDescriptions(settings, (field, message) => add('error', message, undefined, field))
  checkFieldDescriptions(definition.audienceFields, (field, message) => add('error', message, undefined, field))
  for (const [key, field] of Object.entries(settings ?? {})) {
    if (SECRET_KEY.test(key) && field.type !== 'password' && !SAYS_PUBLIC.test(String(field.description ?? ''))) {
      add('warning', `looks like a secret but is typed "${String(field.type)}"; use type: 'password'`, undefined, key)
    }
  }

  for (const [actionKey, action] of Object.entries(actions)) {
    if (!hasText(action.title)) add('error', 'action has no title', actionKey)
    if (!hasText(action.description)) add('error', 'action has no description', actionKey)
    checkFieldDescriptions(action.fields, (field, message) => add('error', message, actionKey, field))
    if (action.defaultSubscription !== undefined) {
      const problem = parseFql(action.defaultSubscription)
      if (problem)
        add('error', `defaultSubscription "${action.defaultSubscription}" does not parse: ${problem}`, actionKey)
    }
    checkBatchKeys(action, (message) => add('error', message, actionKey, 'batch_keys'))
  }

  for (const [index, preset] of (definition.presets ?? []).entries()) {
    const label = `preset "${preset.name ?? `#${index + 1}`}"`
    const action = preset.partnerAction ? actions[preset.partnerAction] : undefined
    if (!preset.partnerAction || !action || !Object.prototype.hasOwnProperty.call(actions, preset.partnerAction)) {
      add('error', `${label} names action "${String(preset.partnerAction)}", which does not exist`)
      continue
    }
    if (preset.type !== 'specificEvent') {
      if (typeof preset.subscribe !== 'string') add('error', `${label} has no subscribe query`, preset.partnerAction)
      else {
        const problem = parseFql(preset.subscribe)
        if (problem)
          add('error', `${label} subscribe "${preset.subscribe}" does not parse: ${problem}`, preset.partnerAction)
      }
    }
    for (const key of Object.keys(preset.mapping ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(action.fields ?? {}, key)) {
        add('error', `${label} maps "${key}", which is not a field of the action`, preset.partnerAction, key)
      }
    }
  }
  return issues
}
