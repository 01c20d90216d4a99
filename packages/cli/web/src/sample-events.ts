/** The sample editor's text as a list of events: one object, or an array of them. */
export function parseSampleEvents(text: string): { events: Array<Record<string, unknown>> } | { error: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { error: `The sample is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const list = Array.isArray(value) ? value : [value]
  if (list.length === 0) return { error: 'The sample is an empty array: add at least one event' }
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i]
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { error: Array.isArray(value) ? `Event [${i}] must be an object` : 'The sample must be an event object' }
    }
  }
  return { events: list as Array<Record<string, unknown>> }
}
