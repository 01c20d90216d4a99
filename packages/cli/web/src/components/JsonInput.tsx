import { useEffect, useState } from 'preact/hooks'

interface Props {
  value: unknown
  onChange(value: unknown): void
  testId?: string
  rows?: number
  /** Told the parse error while the text is not valid JSON, and null once it is again. */
  onInvalid?(error: string | null): void
}

/** A JSON textarea: keeps the text as typed and only passes on values that parse. */
export function JsonInput({ value, onChange, testId, rows = 3, onInvalid }: Props) {
  const written = JSON.stringify(value, null, 2) ?? ''
  const [text, setText] = useState(written)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let same = false
    try {
      same = JSON.stringify(JSON.parse(text)) === JSON.stringify(value)
    } catch {
      same = false
    }
    if (!same && error === null) setText(written)
  }, [written])
  return (
    <div class="json-input">
      <textarea
        class="code"
        data-testid={testId}
        rows={rows}
        spellcheck={false}
        value={text}
        onInput={(e) => {
          const next = e.currentTarget.value
          setText(next)
          try {
            const parsed: unknown = JSON.parse(next)
            setError(null)
            onInvalid?.(null)
            onChange(parsed)
          } catch (err) {
            const message = `Not valid JSON: ${err instanceof Error ? err.message : String(err)}`
            setError(message)
            onInvalid?.(message)
          }
        }}
      />
      {error && <div class="error small">{error}</div>}
    </div>
  )
}
