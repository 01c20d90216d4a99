import { SAMPLE_BATCH, SAMPLE_EVENTS } from '../samples'

interface Props {
  text: string
  error: string | null
  onChange(text: string): void
}

/** The event(s) every test runs on: one JSON object, or an array of them for a batch. */
export function SampleEvents({ text, error, onChange }: Props) {
  return (
    <section class="panel sample-panel" data-testid="sample">
      <h2>Sample event</h2>
      <div class="row wrap">
        {Object.keys(SAMPLE_EVENTS).map((type) => (
          <button
            type="button"
            class="secondary small"
            data-testid={`sample-${type}`}
            onClick={() => onChange(JSON.stringify(SAMPLE_EVENTS[type], null, 2))}
          >
            {type}
          </button>
        ))}
        <button
          type="button"
          class="secondary small"
          data-testid="sample-batch"
          onClick={() => onChange(JSON.stringify(SAMPLE_BATCH, null, 2))}
        >
          batch of 4
        </button>
      </div>
      <textarea
        class="code sample"
        wrap="off"
        data-testid="sample-text"
        spellcheck={false}
        rows={24}
        value={text}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      {error && (
        <div class="error" data-testid="sample-error">
          {error}
        </div>
      )}
    </section>
  )
}
