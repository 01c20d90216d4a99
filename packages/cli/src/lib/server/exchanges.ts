import type { CapturedResponse } from '../core-runtime'
import { Redactor } from '@action-destinations/delivery/safety'

export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown }
  response: { status: number | null; statusText: string; headers: Record<string, string>; body: unknown }
}

function parseMaybeJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Turns what the runtime captured into plain JSON a person can read, secrets masked by `redactor`. */
export function toExchange(captured: CapturedResponse, redactor: Redactor = new Redactor()): Exchange {
  const request = captured.request ?? {}
  const options = captured.options ?? {}
  const body = options.json !== undefined ? options.json : parseMaybeJson(options.body)
  return {
    request: {
      method: String(request.method ?? options.method ?? 'GET'),
      url: redactor.text(String(request.url ?? captured.url ?? '')),
      headers: redactor.headers(request.headers ?? options.headers),
      body: body === undefined ? null : redactor.value(body)
    },
    response: {
      status: typeof captured.status === 'number' ? captured.status : null,
      statusText: String(captured.statusText ?? ''),
      headers: redactor.headers(captured.headers),
      body: redactor.value(captured.data !== undefined ? captured.data : parseMaybeJson(captured.content))
    }
  }
}
