/** One problem a (re)load or a type check found, with where it is when known. */
export interface SourceProblem {
  message: string
  file?: string
  line?: number
  column?: number
}

export interface ReloadState {
  /** `ok`: the latest files are running; `failed`: they did not load and the previous code runs. */
  state: 'ok' | 'failed'
  /** When the destination was last (re)loaded or failed to, ISO 8601. */
  at: string
  /** How many reloads succeeded since start. */
  reloads: number
  error: SourceProblem | null
}

export interface TypeCheckState {
  /** `off` when not run (no watcher, or disabled); `running`; `ok`; `errors`; `failed` (tsc could not run). */
  state: 'off' | 'running' | 'ok' | 'errors' | 'failed'
  at: string | null
  errors: SourceProblem[]
  /** Why the check could not run, for `failed`. */
  message?: string
}

/** What `GET /tester-api/status` answers: whether the running code is the latest, and its type errors. */
export interface ServerStatusSnapshot {
  destination: string
  reload: ReloadState
  typeCheck: TypeCheckState
}

/** Kept by the live destination and the type checker; read by the status route. */
export class ServerStatus {
  reload: ReloadState = { state: 'ok', at: new Date().toISOString(), reloads: 0, error: null }
  typeCheck: TypeCheckState = { state: 'off', at: null, errors: [] }

  constructor(public destination = '') {}

  reloaded(): void {
    this.reload = { state: 'ok', at: new Date().toISOString(), reloads: this.reload.reloads + 1, error: null }
  }

  reloadFailed(error: SourceProblem): void {
    this.reload = { ...this.reload, state: 'failed', at: new Date().toISOString(), error }
  }

  snapshot(): ServerStatusSnapshot {
    return JSON.parse(
      JSON.stringify({ destination: this.destination, reload: this.reload, typeCheck: this.typeCheck })
    ) as ServerStatusSnapshot
  }
}
