import { implementation as defaultFetch } from '../fetch'
import type { FetchImplementation } from '../fetch'
import type { ModifiedResponse } from './types'

function headersToJSON(this: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  this.forEach((value, name) => {
    out[name] = value
  })
  return out
}

// Parsed body: JSON for an application/json content type (undefined when it does not parse),
// otherwise the text, matching the reference's observed rules.
function parseData(content: string, contentType: string | null): unknown {
  if (contentType !== null && contentType.includes('application/json')) {
    try {
      return JSON.parse(content) as unknown
    } catch {
      return undefined
    }
  }
  return content
}

// Reads the body once and returns a fresh response carrying `content` and `data` whose body can
// still be read again (text/json), which is what the reference gets by cloning.
export async function parseResponse(
  response: Response,
  fetchImpl: FetchImplementation = defaultFetch
): Promise<Response> {
  if (typeof (response as Partial<ModifiedResponse>).content === 'string') return response
  const content = await response.text()
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    url: response.url,
    // node-fetch keeps `redirected` in its redirect counter.
    counter: response.redirected ? 1 : 0
  }
  const parsed = new fetchImpl.Response(content, init) as ModifiedResponse
  Object.defineProperty(parsed.headers, 'toJSON', { value: headersToJSON, enumerable: false, configurable: true })
  parsed.content = content
  parsed.data = parseData(content, parsed.headers.get('content-type'))
  return parsed
}
