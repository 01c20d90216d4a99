/** A finite number from an Ajv `limit`-like param, or undefined when it is not one. */
export function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && !Number.isNaN(value) ? value : undefined
}
