import http from 'http'

export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

/** An HTTP request with full control of the headers (fetch forbids setting Host). Bounded in time. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string }
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, timeout: 10_000 })
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)))
    req.on('error', reject)
    req.on('response', (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.end(options.body)
  })
}
