/** A copy of `params` without undefined values: gtag.js would send them as empty parameters. */
export function compact(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    // Assigning `__proto__` would replace the copy's prototype instead of adding a parameter.
    if (value !== undefined && key !== '__proto__') out[key] = value
  }
  return out
}
