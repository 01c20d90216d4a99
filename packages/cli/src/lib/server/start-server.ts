import type { AddressInfo } from 'net'
import path from 'path'
import type { Server } from 'http'
import { loadMappingValidator } from '../core-runtime'
import { createServer } from './create-server'
import { openLiveDestination } from './live-destination'
import { SUBSCRIPTIONS_FILE_NAME } from './tester/saved-subscriptions'

export interface StartOptions {
  entryFile: string
  host?: string
  port?: number
  watch?: boolean
  log?: (line: string) => void
}

export interface RunningServer {
  url: string
  port: number
  name: string
  /** Where the Actions Tester saves subscriptions: next to the destination's index.ts. */
  subscriptionsFile: string
  server: Server
  close(): Promise<void>
}

/** Loads the destination, builds the app and listens (127.0.0.1 unless told otherwise). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined)
  const live = await openLiveDestination(options.entryFile, {
    watch: options.watch ?? true,
    onReload: (error) => log(error ? `Reload failed, keeping the previous version: ${error.message}` : 'Reloaded')
  })
  const app = createServer({
    destination: () => live.current(),
    validateMapping: loadMappingValidator(),
    onRequest: log,
    subscriptionsFile: path.join(path.dirname(path.resolve(options.entryFile)), SUBSCRIPTIONS_FILE_NAME)
  })
  const host = options.host ?? '127.0.0.1'
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 3000, host, (error?: Error) =>
      error ? reject(error) : resolve(listening)
    )
    listening.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${port}`,
    port,
    name: live.current().definition.name,
    subscriptionsFile: path.join(path.dirname(path.resolve(options.entryFile)), SUBSCRIPTIONS_FILE_NAME),
    server,
    close: async () => {
      await live.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
