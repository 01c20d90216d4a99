import { useState } from 'preact/hooks'
import { consoleApi, errorText } from './console-api'

/** Beyond loopback the console asks for the engine's admin token once; a cookie keeps the session. */
export function Login({ onDone }: { onDone(): void }) {
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      class="panel login"
      onSubmit={(e) => {
        e.preventDefault()
        consoleApi.login(token).then(onDone, (failure: unknown) => setError(errorText(failure)))
      }}
    >
      <h2>Delivery console</h2>
      <label class="block">
        Admin token
        <input type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      </label>
      <button type="submit">Log in</button>
      {error && <div class="error">{error}</div>}
    </form>
  )
}
