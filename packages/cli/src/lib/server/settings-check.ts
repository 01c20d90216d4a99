import type { RuntimeDestination } from '../core-runtime'
import { HttpError } from './http-error'

/** One setting that does not fit its field. */
export interface SettingProblem {
  field: string
  message: string
}

function problemsOf(error: unknown, destination: RuntimeDestination): SettingProblem[] {
  const listed = (error as { toJSON?: () => unknown }).toJSON?.()
  const entries = Array.isArray(listed)
    ? listed.map((entry: { path?: unknown; message?: unknown }) => ({
        path: String(entry.path ?? '$'),
        message: String(entry.message ?? '')
      }))
    : [{ path: '$', message: error instanceof Error ? error.message : String(error) }]
  const fields = destination.definition.authentication?.fields ?? {}
  return entries.map(({ path, message }) => {
    const missing = /missing the required field '([^']+)'/.exec(message)
    if (path === '$' && missing) {
      const key = missing[1]
      const label = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key]?.label : undefined
      return {
        field: `settings.${key}`,
        message: `the required setting "${key}"${label ? ` (${label})` : ''} is missing`
      }
    }
    const field = path === '$' ? 'settings' : `settings${path.slice(1)}`
    return { field, message }
  })
}

/**
 * Checks the settings against the destination's authentication fields (types, required, formats)
 * before anything runs, so a bad setting is a 400 naming it rather than a crash or a request
 * sent without credentials.
 */
export function checkSettings(destination: RuntimeDestination, settings: unknown, route: string): void {
  if (typeof destination.validateSettings !== 'function') return
  try {
    destination.validateSettings(settings)
  } catch (error) {
    const problems = problemsOf(error, destination)
    const text = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
    throw new HttpError(400, `${route}: invalid settings: ${text}`, { field: problems[0]?.field, problems })
  }
}
