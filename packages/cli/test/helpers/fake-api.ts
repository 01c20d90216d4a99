import http from 'http'
import type { AddressInfo } from 'net'

export interface FakeApi {
  url: string
  received: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>
  close(): Promise<void>
}

/** A partner API stand-in on 127.0.0.1: records each request and answers 200 `{ ok: true }`. */
export async function startFakeApi(): Promise<FakeApi> {
  const received: FakeApi['received'] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=abc' })
      res.end(JSON.stringify({ ok: true }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
