import { useState } from 'preact/hooks'
import { consoleApi, errorText, type Scope } from './console-api'
import { dateTime, prettyBody } from './format'
import type { Route } from './route'
import { ScopePicker } from './ScopePicker'
import { usePolled } from './use-polled'

/** Events that ran out of retries or failed for good: inspect, then replay one, a selection or all. */
export function DeadLettersView({ scope, go }: { scope: Scope; go(route: Route): void }) {
  const { data, error, reload } = usePolled(() => consoleApi.deadLetters(scope), 5_000, [
    scope.instance,
    scope.subscriptionId
  ])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [open, setOpen] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null)

  const replay = (selection: { jobIds: string[] } | (Scope & { all: true })) =>
    consoleApi.replay(selection).then(
      (answer) => {
        setNotice({
          ok: true,
          message: `Replayed ${answer.replayed} event${answer.replayed === 1 ? '' : 's'}: see the event log and the overview`
        })
        setSelected(new Set())
        reload()
      },
      (failure: unknown) => setNotice({ ok: false, message: errorText(failure) })
    )
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(id)
    else next.delete(id)
    setSelected(next)
  }
  const list = data ?? []
  return (
    <section data-testid="dead-letters">
      <div class="row wrap">
        <h2 class="grow">Dead letters</h2>
        <ScopePicker view="dead-letters" scope={scope} go={go} />
      </div>
      {(notice || error) && (
        <div class={`notice ${notice?.ok ? 'ok' : 'error'}`} data-testid="replay-notice">
          {notice?.message ?? error}
        </div>
      )}
      <div class="panel">
        <div class="row wrap">
          <button
            type="button"
            data-testid="replay-selected"
            disabled={selected.size === 0}
            onClick={() => void replay({ jobIds: [...selected] })}
          >
            Replay selected ({selected.size})
          </button>
          <button
            type="button"
            class="secondary"
            data-testid="replay-all"
            disabled={list.length === 0}
            onClick={() => void replay({ all: true, ...scope })}
          >
            Replay all{scope.instance ? ` of ${scope.subscriptionId ?? scope.instance}` : ''}
          </button>
          <span class="note">{list.length} shown</span>
        </div>
        {data && list.length === 0 && <p class="note">No dead letters.</p>}
        <table class="grid">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  title="Select all"
                  checked={list.length > 0 && selected.size === list.length}
                  onChange={(e) =>
                    setSelected(e.currentTarget.checked ? new Set(list.map((item) => item.jobId)) : new Set())
                  }
                />
              </th>
              <th>Dead since</th>
              <th>Subscription</th>
              <th>messageId</th>
              <th class="num">Attempts</th>
              <th>Last error</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((item) => [
              <tr data-testid="dead-letter">
                <td>
                  <input
                    type="checkbox"
                    checked={selected.has(item.jobId)}
                    onChange={(e) => toggle(item.jobId, e.currentTarget.checked)}
                  />
                </td>
                <td>{dateTime(item.deadAt)}</td>
                <td>
                  {item.instance} / {item.subscriptionName ?? item.subscriptionId}
                </td>
                <td>
                  <code>{item.messageId}</code>
                </td>
                <td class="num">{item.attempts}</td>
                <td class="error clip" title={item.error.message}>
                  {item.error.status ?? ''} {item.error.code}: {item.error.message}
                </td>
                <td class="nowrap">
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => setOpen(open === item.jobId ? null : item.jobId)}
                  >
                    Inspect
                  </button>{' '}
                  <button
                    type="button"
                    class="small"
                    data-testid="replay-one"
                    onClick={() => void replay({ jobIds: [item.jobId] })}
                  >
                    Replay
                  </button>
                </td>
              </tr>,
              open === item.jobId && (
                <tr class="expanded">
                  <td colSpan={7}>
                    <p class="error">{item.error.message}</p>
                    <pre>{prettyBody(item.body)}</pre>
                  </td>
                </tr>
              )
            ])}
          </tbody>
        </table>
      </div>
    </section>
  )
}
