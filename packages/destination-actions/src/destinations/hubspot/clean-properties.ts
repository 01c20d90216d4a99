/** HubSpot stores every property as text; drop empty values so they do not erase what is already there. */
export function cleanProperties(properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === '') continue
    out[key] = typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean)
  }
  return out
}
