import { useEffect, useState } from 'preact/hooks'
import { errorText } from './console-api'

/** Loads `load()` now and every `everyMs` while the view is open; `deps` restart it. */
export function usePolled<T>(
  load: () => Promise<T>,
  everyMs: number,
  deps: unknown[]
): { data: T | null; error: string | null; reload(): void } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      load().then(
        (answer) => {
          if (!live) return
          setData(answer)
          setError(null)
          timer = setTimeout(run, everyMs)
        },
        (failure: unknown) => {
          if (!live) return
          setError(errorText(failure))
          timer = setTimeout(run, everyMs)
        }
      )
    }
    run()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [...deps, tick])
  return { data, error, reload: () => setTick((n) => n + 1) }
}
