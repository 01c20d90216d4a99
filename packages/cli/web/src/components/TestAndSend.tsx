import { useState } from 'preact/hooks'
import { api, ApiError } from '../api'
import type {
  ActionInfo,
  BatchPreviewAnswer,
  Counts,
  DeliverAnswer,
  Exchange,
  FieldInfo,
  FieldProblem,
  Subscription,
  TestMappingAnswer
} from '../types'
import { missingSettings } from '../missing-settings'
import { Exchanges } from './Exchanges'

interface Props {
  action: ActionInfo
  subscription: Subscription
  events: Array<Record<string, unknown>> | null
  settings: Record<string, unknown>
  /** The destination's settings fields: with them, Send waits until every required one has a value. */
  settingsFields?: Record<string, FieldInfo>
  onProblems(problems: FieldProblem[]): void
  onCounts(counts: Counts): void
}

function toSaved(subscription: Subscription) {
  const { name, enabled, subscribe, partnerAction, mapping } = subscription
  return { name, enabled, subscribe, partnerAction, mapping }
}

/** Resolve the mapping without sending, preview batches, and send for real. */
export function TestAndSend({ action, subscription, events, settings, settingsFields, onProblems, onCounts }: Props) {
  const [tested, setTested] = useState<TestMappingAnswer | null>(null)
  const [sent, setSent] = useState<DeliverAnswer | null>(null)
  const [preview, setPreview] = useState<BatchPreviewAnswer | null>(null)
  const [error, setError] = useState<{ message: string; requests: Exchange[] } | null>(null)
  const [asBatch, setAsBatch] = useState(false)
  const [batchSize, setBatchSize] = useState(2)
  const [busy, setBusy] = useState(false)
  const missing = settingsFields ? missingSettings(settingsFields, settings) : []

  const run = async (task: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await task()
    } catch (err) {
      setError({
        message: err instanceof Error ? err.message : String(err),
        requests: err instanceof ApiError ? err.requests : []
      })
    } finally {
      setBusy(false)
    }
  }

  const testMapping = () =>
    run(async () => {
      if (!events) throw new Error('Fix the sample event first')
      const answer = await api.testMapping(action.key, subscription.mapping, events[0])
      setTested(answer)
      onProblems(answer.problems)
    })

  const previewBatches = () =>
    run(async () => {
      if (!events) throw new Error('Fix the sample event first')
      setPreview(await api.batchPreview(action.key, subscription.mapping, events, batchSize))
    })

  const send = () =>
    run(async () => {
      if (!events) throw new Error('Fix the sample event first')
      setSent(null)
      const answer = await api.deliver({
        subscription: toSaved(subscription),
        events,
        settings,
        batch: asBatch,
        batchSize: asBatch ? batchSize : undefined
      })
      setSent(answer)
      onCounts(answer.counts)
    })

  return (
    <div class="test-send">
      <div class="row">
        <button type="button" data-testid="test-mapping" disabled={busy} onClick={testMapping}>
          Test mapping
        </button>
        <span class="note">Resolves the mapping on the first sample event; nothing is sent.</span>
      </div>
      {tested && (
        <div data-testid="test-result">
          {tested.problems.length === 0 ? (
            <div class="ok" data-testid="test-valid">
              The payload is valid.
            </div>
          ) : (
            <ul class="error" data-testid="test-problems">
              {tested.problems.map((problem) => (
                <li>
                  {problem.field ? <code>{problem.field}</code> : null} {problem.message}
                </li>
              ))}
            </ul>
          )}
          {tested.payload && (
            <pre class="code" data-testid="resolved-payload">
              {JSON.stringify(tested.payload, null, 2)}
            </pre>
          )}
        </div>
      )}

      <h3>Send</h3>
      {action.hasBatchSupport && (
        <div class="row">
          <label>
            <input
              type="checkbox"
              data-testid="send-as-batch"
              checked={asBatch}
              onChange={(e) => setAsBatch(e.currentTarget.checked)}
            />{' '}
            Send as a batch
          </label>
          <label>
            Batch size{' '}
            <input
              type="number"
              min={1}
              class="narrow"
              data-testid="batch-size"
              value={batchSize}
              onInput={(e) => setBatchSize(Math.max(1, Number(e.currentTarget.value) || 1))}
            />
          </label>
          <button
            type="button"
            class="secondary"
            data-testid="preview-batches"
            disabled={busy}
            onClick={previewBatches}
          >
            Preview batches
          </button>
        </div>
      )}
      {preview && (
        <div class="batches" data-testid="batch-preview">
          <p class="note">
            Grouped by <code>batch_keys</code> [{preview.batchKeys.join(', ')}], at most {preview.batchSize} per batch:
          </p>
          <ol>
            {preview.batches.map((batch) => (
              <li>
                events {batch.indices.map((i) => `#${i}`).join(', ')} — <code>{JSON.stringify(batch.key)}</code>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div class="row">
        <button type="button" class="primary" data-testid="send" disabled={busy || missing.length > 0} onClick={send}>
          {asBatch ? 'Send batch' : 'Send'}
        </button>
        <span class="note">
          {events ? `${events.length} event${events.length === 1 ? '' : 's'} from the sample` : 'no valid sample'}
        </span>
      </div>
      {missing.length > 0 && (
        <div class="error" data-testid="missing-settings">
          Fill in the required setting{missing.length === 1 ? '' : 's'} first: {missing.join(', ')}.
        </div>
      )}
      {error && (
        <div class="error" data-testid="send-error">
          {error.message}
          {error.requests.length > 0 && <Exchanges exchanges={error.requests} />}
        </div>
      )}
      {sent && (
        <div data-testid="send-result">
          <ul class="results">
            {sent.results.map((result) => (
              <li class={result.outcome} data-testid={`result-${result.index}`}>
                event #{result.index}: <strong>{result.outcome}</strong>
                {result.status !== undefined && ` (${result.status})`}
                {result.message && ` — ${result.message}`}
              </li>
            ))}
          </ul>
          <Exchanges exchanges={sent.exchanges} />
        </div>
      )}
    </div>
  )
}
