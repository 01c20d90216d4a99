import { useState } from 'preact/hooks'
import { consoleApi, type Scope } from './console-api'
import { dateTime, prettyBody, time } from './format'
import type { Route } from './route'
import { ScopePicker } from './ScopePicker'
import type { Attempt } from './types'
import { usePolled } from './use-polled'

function Traffic({ attempt }: { attempt: Attempt }) {
  return (
    <div class="exchange" data-testid="attempt-traffic">
      <div>
        <h4>Request</h4>
        {attempt.request ? (
          <>
            <code class="url">
              {attempt.request.method} {attempt.request.url}
            </code>
            <pre>{Object.entries(attempt.request.headers).map(([name, value]) => `${name}: ${value}\n`)}</pre>
            {attempt.request.body && <pre>{prettyBody(attempt.request.body)}</pre>}
          </>
        ) : (
          <p class="note">No request was made (the payload was refused before sending).</p>
        )}
      </div>
      <div>
        <h4>Response</h4>
        {attempt.response ? (
          <>
            <code class={attempt.response.status < 300 ? 'ok' : 'bad'}>{attempt.response.status}</code>
            <pre>{Object.entries(attempt.response.headers).map(([name, value]) => `${name}: ${value}\n`)}</pre>
            {attempt.response.body && <pre>{prettyBody(attempt.response.body)}</pre>}
          </>
        ) : (
          <p class="note">No response.</p>
        )}
      </div>
    </div>
  )
}

/** Recent delivery attempts with their request and response (secrets blanked), error and next retry. */
export function EventLogView({ scope, go }: { scope: Scope; go(route: Route): void }) {
  const { data, error } = usePolled(() => consoleApi.attempts(scope), 3_000, [scope.instance, scope.subscriptionId])
  const [open, setOpen] = useState<string | null>(null)
  return (
    <section data-testid="event-log">
      <div class="row wrap">
        <h2 class="grow">Event log</h2>
        <ScopePicker view="log" scope={scope} go={go} />
      </div>
      {error && <div class="notice error">{error}</div>}
      <div class="panel">
        {data && data.length === 0 && <p class="note">No delivery attempts yet.</p>}
        <table class="grid attempts">
          <thead>
            <tr>
              <th>Time</th>
              <th>Subscription</th>
              <th>Outcome</th>
              <th class="num">Status</th>
              <th class="num">Events</th>
              <th>Error</th>
              <th>Next retry</th>
            </tr>
          </thead>
          <tbody>
            {data?.map((attempt) => [
              <tr
                class={`clickable ${open === attempt.id ? 'selected' : ''}`}
                data-testid={`attempt-${attempt.outcome}`}
                onClick={() => setOpen(open === attempt.id ? null : attempt.id)}
              >
                <td title={dateTime(attempt.at)}>{time(attempt.at)}</td>
                <td>
                  {attempt.instance} / {attempt.subscriptionName ?? attempt.subscriptionId}
                </td>
                <td>
                  <span class={`badge ${attempt.outcome}`}>{attempt.outcome}</span>
                </td>
                <td class="num">{attempt.status ?? ''}</td>
                <td class="num" title={attempt.messageIds.join('\n')}>
                  {attempt.messageIds.length}
                </td>
                <td class="error clip" title={attempt.error?.message}>
                  {attempt.error ? `${attempt.error.code}: ${attempt.error.message}` : ''}
                </td>
                <td>{attempt.nextRetryAt ? time(attempt.nextRetryAt) : ''}</td>
              </tr>,
              open === attempt.id && (
                <tr class="expanded">
                  <td colSpan={7}>
                    <p class="note">messageIds: {attempt.messageIds.join(', ')}</p>
                    <Traffic attempt={attempt} />
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
