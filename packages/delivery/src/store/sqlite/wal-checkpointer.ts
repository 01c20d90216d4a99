// Checkpoints the WAL from a worker thread with its own connection, so copying pages back into
// the database file (and the fsyncs that go with it) does not run on the event loop: with
// SQLite's automatic checkpoint it cost ingest about a fifth of its time. The store's own
// connection keeps an automatic checkpoint with a high threshold as a backstop: under steady
// writes a background checkpoint rarely finds the WAL idle enough for it to restart, and the
// writer's checkpoint (cheap then, nearly everything already copied) lets it restart.
import { Worker } from 'worker_threads'

/** WAL pages (4 KiB) after which the writer checkpoints itself: bounds the WAL file to ~80 MiB. */
export const BACKSTOP_CHECKPOINT_PAGES = 20_000

export interface CheckpointerOptions {
  file: string
  synchronous: 'NORMAL' | 'FULL'
  busyTimeoutMs: number
  /** How often the worker checkpoints (ms). */
  intervalMs: number
  /** Told when the worker fails; the caller then falls back to checkpointing on its own connection. */
  onFailure: (error: Error) => void
}

// Plain CommonJS run with eval: the worker loads better-sqlite3 from the path the store resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs })
db.pragma('synchronous = ' + workerData.synchronous)
db.pragma('journal_size_limit = 67108864')
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export class WalCheckpointer {
  private readonly worker: Worker
  private readonly exited: Promise<void>
  private closed = false

  constructor(options: CheckpointerOptions) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        module: require.resolve('better-sqlite3'),
        file: options.file,
        synchronous: options.synchronous,
        busyTimeoutMs: options.busyTimeoutMs,
        intervalMs: options.intervalMs
      }
    })
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    // A checkpoint thread must never keep the process alive.
    this.worker.unref()
    this.worker.on('error', (error) => {
      if (!this.closed) options.onFailure(error)
    })
  }

  /** Stops the worker after its current checkpoint; the store's close checkpoints what is left. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    // Referenced again while it stops: otherwise a process waiting only for this would just end.
    this.worker.ref()
    this.worker.postMessage('close')
    await this.exited
  }
}
