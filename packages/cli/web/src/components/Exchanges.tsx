import type { Exchange } from '../types'

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2)
}

/** Every request the action made and the answer it got; secret headers arrive masked from the server. */
export function Exchanges({ exchanges }: { exchanges: Exchange[] }) {
  if (exchanges.length === 0) return <p class="note">No HTTP requests were made.</p>
  return (
    <div class="exchanges" data-testid="exchanges">
      {exchanges.map((exchange, index) => (
        <div class="exchange" data-testid={`exchange-${index}`}>
          <div class="half">
            <h4>
              Request <code>{exchange.request.method}</code> <code class="url">{exchange.request.url}</code>
            </h4>
            <pre class="code" data-testid={`exchange-${index}-request`}>
              {headerLines(exchange.request.headers)}
              {'\n\n'}
              {bodyText(exchange.request.body)}
            </pre>
          </div>
          <div class="half">
            <h4>
              Response{' '}
              <code class={exchange.response.status !== null && exchange.response.status < 400 ? 'ok' : 'bad'}>
                {exchange.response.status ?? 'no status'} {exchange.response.statusText}
              </code>
            </h4>
            <pre class="code" data-testid={`exchange-${index}-response`}>
              {headerLines(exchange.response.headers)}
              {'\n\n'}
              {bodyText(exchange.response.body)}
            </pre>
          </div>
        </div>
      ))}
    </div>
  )
}
