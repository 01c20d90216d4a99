import { useEffect, useState } from 'preact/hooks'
import { consoleApi, errorText } from './console-api'
import { dateTime, time } from './format'
import type { EventDetail, EventSummary } from './types'

const TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias']
const KEEP = 200

interface Props {
  picked?: string
  onPick(id: string): void
}

function matchesFilter(event: EventSummary, type: string, name: string): boolean {
  return (!type || event.type === type) && (!name || (event.name ?? '').toLowerCase().includes(name.toLowerCase()))
}

/** Both lists in one, newest first, each event once. */
function merge(fresh: EventSummary[], old: EventSummary[]): EventSummary[] {
  const byId = new Map<string, EventSummary>()
  for (const event of [...fresh, ...old]) byId.set(event.id, event)
  return [...byId.values()].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, KEEP)
}

/** Received events as they arrive (server-sent events), newest first; open one to see where it went. */
export function DebuggerView({ picked, onPick }: Props) {
  const [events, setEvents] = useState<EventSummary[]>([])
  const [type, setType] = useState('')
  const [name, setName] = useState('')
  const [live, setLive] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [detail, setDetail] = useState<EventDetail | null>(null)

  useEffect(() => {
    // The list loads once the stream is ready (and again after a reconnect): events stored before
    // are in the list, events after come through the stream, none falls in between.
    const load = () =>
      consoleApi.events({ type: type || undefined, limit: 100 }).then(
        (loaded) => setEvents((old) => merge(loaded, old)),
        (failure: unknown) => setError(errorText(failure))
      )
    const source = new EventSource('/console-api/events/stream')
    source.addEventListener('ready', () => {
      setLive(true)
      void load()
    })
    source.onerror = () => setLive(false)
    source.addEventListener('received', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as EventSummary
      if (!matchesFilter(event, type, '')) return
      setEvents((old) => merge([event], old))
    })
    return () => {
      source.close()
      setEvents([])
    }
  }, [type])

  useEffect(() => {
    if (!openId) return setDetail(null)
    consoleApi.event(openId).then(setDetail, (failure: unknown) => setError(errorText(failure)))
  }, [openId])

  const shown = events.filter((event) => matchesFilter(event, '', name))
  return (
    <section class="split" data-testid="debugger">
      <div class="panel list-pane">
        <div class="row wrap">
          <h2 class="grow">
            Debugger{' '}
            <span class={`live ${live ? 'on' : ''}`} data-testid="live">
              {live ? '● live' : '○ connecting'}
            </span>
          </h2>
          <select data-testid="filter-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">All types</option>
            {TYPES.map((option) => (
              <option value={option}>{option}</option>
            ))}
          </select>
          <input
            type="search"
            placeholder="Event name"
            data-testid="filter-name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        {error && <div class="error">{error}</div>}
        {shown.length === 0 && <p class="note">No events yet. Send some to /v1/track with a source's write key.</p>}
        <ul class="event-list" data-testid="event-list">
          {shown.map((event) => (
            <li class={openId === event.id ? 'selected' : ''}>
              <button type="button" class="link" data-testid="event-row" onClick={() => setOpenId(event.id)}>
                <span class="when">{time(event.receivedAt)}</span>
                <span class="tag">{event.type}</span>
                <span class="what">{event.name ?? ''}</span>
                <code class="mid">{event.messageId}</code>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div class="panel detail-pane" data-testid="event-detail">
        {!detail ? (
          <p class="note">Open an event to see its JSON, the subscriptions it matched and each delivery.</p>
        ) : (
          <>
            <div class="row wrap">
              <h2 class="grow">
                {detail.summary.type} {detail.summary.name ?? ''}
              </h2>
              <button
                type="button"
                class="secondary small"
                data-testid="pick-event"
                onClick={() => onPick(detail.summary.id)}
                disabled={picked === detail.summary.id}
              >
                {picked === detail.summary.id ? 'Picked for mapping tests' : 'Use to test mappings'}
              </button>
            </div>
            <p class="note">
              messageId <code>{detail.summary.messageId}</code> · source {detail.summary.source} · received{' '}
              {dateTime(detail.summary.receivedAt)}
            </p>
            <h3>Matched subscriptions</h3>
            {detail.jobs.length === 0 ? (
              <p class="note">None: no enabled subscription's conditions matched.</p>
            ) : (
              <table class="grid" data-testid="event-jobs">
                <thead>
                  <tr>
                    <th>Destination</th>
                    <th>Subscription</th>
                    <th>Outcome</th>
                    <th class="num">Attempts</th>
                    <th>Last error</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.jobs.map((job) => (
                    <tr>
                      <td>{job.instance}</td>
                      <td>{job.subscriptionName ?? job.subscriptionId}</td>
                      <td>
                        <span class={`badge ${job.state}`}>
                          {job.state === 'pending' && job.attempts > 0 ? 'retrying' : job.state}
                        </span>
                        {job.state === 'pending' && job.dueAt !== undefined && (
                          <span class="note"> next {time(job.dueAt)}</span>
                        )}
                      </td>
                      <td class="num">{job.attempts}</td>
                      <td class="error">
                        {job.lastError
                          ? `${job.lastError.status ?? ''} ${job.lastError.code}: ${job.lastError.message}`
                          : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>Event</h3>
            <pre data-testid="event-json">{JSON.stringify(detail.event, null, 2)}</pre>
          </>
        )}
      </div>
    </section>
  )
}
