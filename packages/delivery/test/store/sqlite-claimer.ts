// A second process claiming from an SQLite file, for the cross-process claim test in
// sqlite.test.ts: node --import tsx sqlite-claimer.ts <file> <worker> <now>
// Claims 5 at a time until nothing is due and prints the claimed job ids as one JSON line.
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'

async function main(): Promise<void> {
  const [file, worker, now] = process.argv.slice(2)
  const store = createSqliteStore(file)
  await store.init()
  const ids: string[] = []
  for (;;) {
    const jobs = await store.claimJobs({ worker, limit: 5, leaseMs: 600_000, now: Number(now) })
    if (jobs.length === 0) break
    ids.push(...jobs.map((job) => job.id))
  }
  await store.close()
  process.stdout.write(`${JSON.stringify(ids)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
