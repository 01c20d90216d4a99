import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import type { Server } from 'http'
import { loadMappingValidator } from '../core-runtime'
import { createServer } from './create-server'
import { describeLoadError, formatProblem } from './load-error'
import { openLiveDestination, type LiveDestination } from './live-destination'
import type { FanOutLimits } from './route-context'
import { ServerStatus } from './server-status'
import { SUBSCRIPTIONS_FILE_NAME } from './tester/saved-subscriptions'
import { TypeChecker } from './type-check/type-checker'

export interface StartOptions {
  entryFile: string
  host?: string
  port?: number
  watch?: boolean
  log?: (line: string) => void
  /** Type-check the destination after each reload (default: when watching). */
  typeCheck?: boolean
  limits?: Partial<FanOutLimits>
  /** Paths in answers and the log are relative to this folder (default: the working directory). */
  projectRoot?: string
}

export interface RunningServer {
  url: string
  port: number
  name: string
  /** Where the Actions Tester saves subscriptions: next to the destination's index.ts. */
  subscriptionsFile: string
  /** Reload and type-check state (also answered by `GET /tester-api/status`). */
  status: ServerStatus
  server: Server
  close(): Promise<void>
}

const ANY_INTERFACE = new Set(['0.0.0.0', '::', '[::]'])

// The names a request may use for this server: the interface, and every address when it is all of them.
function hostNames(host: string): string[] {
  const names = [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host]
  if (!ANY_INTERFACE.has(host)) return names
  names.push(os.hostname())
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? [])
      names.push(address.family === 'IPv6' ? `[${address.address}]` : address.address)
  }
  return names
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} on ${host} is already in use (another serve?). ` +
              'Pass --port <number> to pick another one, or --port 0 for any free port.'
          )
        )
      } else if (error.code === 'EACCES') {
        reject(new Error(`Not allowed to listen on port ${port} of ${host}; pass --port with a port above 1023`))
      } else reject(error)
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}

/** Loads the destination, builds the app and listens (127.0.0.1 unless told otherwise). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined)
  const root = options.projectRoot ?? process.cwd()
  const entryFile = path.resolve(options.entryFile)
  const folder = path.dirname(entryFile)
  const watch = options.watch ?? true
  const status = new ServerStatus()
  const typeChecker =
    (options.typeCheck ?? watch) ? new TypeChecker({ entryFile, status, log, projectRoot: root }) : undefined
  let live: LiveDestination
  try {
    live = await openLiveDestination(entryFile, {
      watch,
      onReload: (error) => {
        if (error) {
          const problem = describeLoadError(error, folder, root)
          status.reloadFailed(problem)
          log(`Reload failed, keeping the previous version: ${formatProblem(problem)}`)
        } else {
          status.reloaded()
          log('Reloaded')
        }
        typeChecker?.schedule()
      }
    })
  } catch (error) {
    // The first load: say where it went wrong.
    throw new Error(
      `Could not load ${path.relative(root, entryFile)}: ${formatProblem(describeLoadError(error, folder, root))}`
    )
  }
  status.destination = live.current().definition.name
  const subscriptionsFile = path.join(folder, SUBSCRIPTIONS_FILE_NAME)
  const host = options.host ?? '127.0.0.1'
  const app = createServer({
    destination: () => live.current(),
    createInstance: live.createInstance,
    validateMapping: loadMappingValidator(),
    onRequest: log,
    subscriptionsFile,
    hosts: hostNames(host),
    limits: options.limits,
    status,
    projectRoot: root,
    destinationFolder: folder
  })
  const { createServer: createHttpServer } = await import('http')
  const server = createHttpServer(app)
  try {
    await listen(server, options.port ?? 3000, host)
  } catch (error) {
    typeChecker?.close()
    await live.close()
    throw error
  }
  typeChecker?.schedule()
  const port = (server.address() as AddressInfo).port
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    name: live.current().definition.name,
    subscriptionsFile,
    status,
    server,
    close: async () => {
      typeChecker?.close()
      await live.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
