import http from 'http'
import type { AddressInfo } from 'net'
import path from 'path'
import { loadMappingValidator } from '../../src/lib/core-runtime'
import { createServer } from '../../src/lib/server/create-server'
import { openLiveDestination, type LiveDestination } from '../../src/lib/server/live-destination'
import { REPO_ROOT } from './temp-dir'

export const WEBHOOK_ENTRY = path.join(
  REPO_ROOT,
  'packages',
  'destination-actions',
  'src',
  'destinations',
  'webhook',
  'index.ts'
)

export interface TesterServer {
  url: string
  close(): Promise<void>
}

/** Serves the Webhook destination in-process on 127.0.0.1, subscriptions saved to `subscriptionsFile`. */
export async function startWebhookTester(options: {
  subscriptionsFile: string
  webDirectory?: string
  projectRoot?: string
}): Promise<TesterServer> {
  const live: LiveDestination = await openLiveDestination(WEBHOOK_ENTRY, { watch: false })
  const app = createServer({
    destination: () => live.current(),
    createInstance: live.createInstance,
    validateMapping: loadMappingValidator(),
    subscriptionsFile: options.subscriptionsFile,
    webDirectory: options.webDirectory,
    projectRoot: options.projectRoot
  })
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await live.close()
    }
  }
}
