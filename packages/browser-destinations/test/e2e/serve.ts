import http from 'http'
import type { AddressInfo } from 'net'

export interface LocalServer {
  origin: string
  /** Paths requested so far, in order. */
  requests: string[]
  close(): Promise<void>
}

/** Serves `routes` (path -> [content type, body]) on 127.0.0.1; anything else is a 404. */
export async function serve(routes: Record<string, [string, string]>): Promise<LocalServer> {
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    requests.push(url.pathname)
    const route = routes[url.pathname]
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
      return
    }
    response.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store' })
    response.end(route[1])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  }
}
