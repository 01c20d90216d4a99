// Small formatting helpers shared by the console's views.

export function time(ms: number | undefined): string {
  if (ms === undefined) return ''
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

export function dateTime(ms: number | undefined): string {
  if (ms === undefined) return ''
  return new Date(ms).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  })
}

/** Pretty JSON of a text body when it is JSON, the text itself otherwise. */
export function prettyBody(body: string | undefined): string {
  if (body === undefined || body === '') return ''
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

export function sum(byCode: Record<string, number>): number {
  return Object.values(byCode).reduce((total, count) => total + count, 0)
}
