// The behaviour every Store must have, registered once per implementation (sqlite.test.ts,
// postgres.test.ts). Each test gets a fresh, initialised store with its own clock.
import type { Store } from '../../src/store/store'
import type { TestClock } from './store-fixtures'
import { registerConfigAndIngestContract } from './contract-config-ingest'
import { registerJobContract } from './contract-jobs'
import { registerReadContract } from './contract-reads'

export interface StoreHarness {
  store: Store
  clock: TestClock
  /** A second, independent connection to the same database (another process's view). */
  openAnother(): Promise<Store>
  dispose(): Promise<void>
}

export interface HarnessOptions {
  attemptsPerSubscription?: number
}

export type StoreFactory = (options?: HarnessOptions) => Promise<StoreHarness>

export type HarnessAccess = {
  (): StoreHarness
  /** A further harness made by the same factory with options; disposed after the test. */
  withOptions(options: HarnessOptions): Promise<StoreHarness>
}

export function registerStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    let harness: StoreHarness | undefined
    const extra: StoreHarness[] = []
    beforeEach(async () => {
      harness = await factory()
    })
    afterEach(async () => {
      await Promise.all([harness, ...extra.splice(0)].map((h) => h?.dispose()))
      harness = undefined
    })
    const access = (() => {
      if (!harness) throw new Error('the store harness is not ready')
      return harness
    }) as HarnessAccess
    access.withOptions = async (options) => {
      const made = await factory(options)
      extra.push(made)
      return made
    }
    registerConfigAndIngestContract(access)
    registerJobContract(access)
    registerReadContract(access)
  })
}
