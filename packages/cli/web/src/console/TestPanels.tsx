import { useEffect, useState } from 'preact/hooks'
import { consoleApi, errorText } from './console-api'
import { time } from './format'
import type { ConsoleSubscription, EventSummary, MappingCheck } from './types'

interface Props {
  tab: 'conditions' | 'mapping'
  destination: string
  subscription: ConsoleSubscription
  pickedEvent?: string
  onEvent(event: Record<string, unknown> | null): void
  onProblems(problems: MappingCheck['problems']): void
}

function label(event: EventSummary): string {
  return `${time(event.receivedAt)} ${event.type}${event.name ? ` "${event.name}"` : ''} · ${event.messageId}`
}

/** Beside the editor: conditions tested on the last 100 received events, the mapping on one picked event. */
export function TestPanels({ tab, destination, subscription, pickedEvent, onEvent, onProblems }: Props) {
  const [conditionResult, setConditionResult] = useState<{
    tested: number
    matched: number
    events: EventSummary[]
  } | null>(null)
  const [conditionError, setConditionError] = useState<string | null>(null)
  const [recent, setRecent] = useState<EventSummary[]>([])
  const [eventId, setEventId] = useState<string | undefined>(pickedEvent)
  const [check, setCheck] = useState<MappingCheck | null>(null)
  const [checkError, setCheckError] = useState<string | null>(null)

  // The default sample: the event picked in the debugger, else the newest one these conditions match.
  useEffect(() => {
    const matching = consoleApi.testConditions(subscription.subscribe).then(
      (answer) => answer.events[0]?.id,
      () => undefined
    )
    Promise.all([consoleApi.events({ limit: 50 }), matching]).then(
      ([events, matched]) => {
        setRecent(events)
        setEventId((current) => current ?? matched ?? events[0]?.id)
      },
      (failure: unknown) => setCheckError(errorText(failure))
    )
  }, [])

  useEffect(() => {
    if (!eventId) return onEvent(null)
    consoleApi.event(eventId).then(
      (detail) => onEvent(detail.event),
      (failure: unknown) => setCheckError(errorText(failure))
    )
  }, [eventId])

  // The mapping is checked on the picked event as it is edited.
  const mappingText = JSON.stringify(subscription.mapping)
  useEffect(() => {
    if (tab !== 'mapping' || !eventId) return
    const timer = setTimeout(() => {
      consoleApi
        .testMapping({ destination, action: subscription.partnerAction, mapping: subscription.mapping, eventId })
        .then(
          (answer) => {
            setCheck(answer)
            setCheckError(null)
            onProblems(answer.problems)
          },
          (failure: unknown) => setCheckError(errorText(failure))
        )
    }, 250)
    return () => clearTimeout(timer)
  }, [tab, eventId, mappingText, subscription.partnerAction])

  const testConditions = () => {
    setConditionError(null)
    consoleApi.testConditions(subscription.subscribe).then(setConditionResult, (failure: unknown) => {
      setConditionResult(null)
      setConditionError(errorText(failure))
    })
  }

  if (tab === 'conditions') {
    return (
      <div class="panel" data-testid="test-conditions">
        <h2>Test conditions</h2>
        <p class="note">Against the last 100 events this engine received.</p>
        <button type="button" data-testid="test-conditions-button" onClick={testConditions}>
          Test conditions
        </button>
        {conditionError && <div class="error">{conditionError}</div>}
        {conditionResult && (
          <>
            <p data-testid="conditions-result">
              <b>{conditionResult.matched}</b> of {conditionResult.tested} recent events match.
            </p>
            <ul class="event-list small">
              {conditionResult.events.slice(0, 20).map((event) => (
                <li>{label(event)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    )
  }
  return (
    <div class="panel" data-testid="test-mapping">
      <h2>Test mapping</h2>
      <label class="block">
        Event (from the debugger)
        <select
          data-testid="mapping-event"
          value={eventId ?? ''}
          onChange={(e) => setEventId(e.currentTarget.value || undefined)}
        >
          {recent.length === 0 && <option value="">No events received yet</option>}
          {eventId && !recent.some((event) => event.id === eventId) && (
            <option value={eventId}>picked event {eventId}</option>
          )}
          {recent.map((event) => (
            <option value={event.id}>{label(event)}</option>
          ))}
        </select>
      </label>
      {checkError && <div class="error">{checkError}</div>}
      {check && (
        <>
          <div class={check.problems.length === 0 ? 'ok' : 'error'} data-testid="mapping-result">
            {check.problems.length === 0
              ? 'The payload is valid for this action'
              : `${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} (${check.stage === 'mapping' ? 'mapping' : 'validation'})`}
          </div>
          <ul class="problems">
            {check.problems.map((problem) => (
              <li class="error">{problem.message}</li>
            ))}
          </ul>
          {check.payload && <pre data-testid="mapping-payload">{JSON.stringify(check.payload, null, 2)}</pre>}
        </>
      )}
    </div>
  )
}
