import type { FieldInfo } from './types'

/** Labels of the required settings that have no value yet (empty text counts as missing; false does not). */
export function missingSettings(fields: Record<string, FieldInfo>, settings: Record<string, unknown>): string[] {
  return Object.keys(fields)
    .filter((key) => fields[key].required)
    .filter((key) => {
      const value = Object.prototype.hasOwnProperty.call(settings, key) ? settings[key] : undefined
      return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
    })
    .map((key) => fields[key].label ?? key)
}
