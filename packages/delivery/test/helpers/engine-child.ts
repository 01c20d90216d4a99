// A delivery engine in a process of its own, for the guarantee tests (kill -9, several processes):
//   node --import tsx engine-child.ts '<json options>'
// It is what `./bin/run deliver` runs (startEngine over the destination-actions registry), with
// worker tuning the CLI does not expose: a short lease, so jobs held by a killed process come
// back within seconds instead of after the default 90 s. Prints "READY <url>" once serving;
// SIGTERM stops it gracefully (exit 0).
import type { DestinationRegistry } from '../../src/config/registry'
import { registryFromManifest } from '../../src/config/manifest-registry'
import { startEngine, type WorkerTuning } from '../../src/engine'
import { createLogger } from '../../src/log'

export interface EngineChildOptions {
  config: string
  store: string
  worker?: WorkerTuning
  logLevel?: string
}

async function destinationActionsRegistry(): Promise<DestinationRegistry> {
  const { manifest } = await import('@action-destinations/destination-actions')
  return registryFromManifest(manifest)
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as EngineChildOptions
  const engine = await startEngine({
    config: options.config,
    store: options.store,
    registry: await destinationActionsRegistry(),
    port: 0,
    adminToken: 'e2e-admin-token',
    logger: createLogger({ level: options.logLevel ?? 'warn' }),
    worker: options.worker
  })
  process.stdout.write(`READY ${engine.url}\n`)
  process.once('SIGTERM', () => {
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`)
        process.exit(1)
      }
    )
  })
}

main().catch((error: unknown) => {
  process.stderr.write(`engine child failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
