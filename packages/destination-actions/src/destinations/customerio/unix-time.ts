import { PayloadValidationError } from '@action-destinations/core'

/** Customer.io timestamps are whole seconds since the epoch. */
export function toUnixSeconds(value: string | number | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const millis = typeof value === 'number' ? value : Date.parse(value)
  if (Number.isNaN(millis)) throw new PayloadValidationError(`Customer.io field "${field}": "${value}" is not a date`)
  return Math.floor(millis / 1000)
}
