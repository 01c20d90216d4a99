// Secrets never leave the console in clear. Settings are masked by src/config/secrets (as in the
// admin API); recorded traffic has credential headers and every secret setting's value blanked.
import type { RegistryEntry } from '../config/registry'
import type { DestinationInstanceConfig } from '../config/types'
import type { StoredAttempt } from '../store/types'
import { isSecretSetting, MASKED } from '../config/secrets'
import { isRecord } from './console-error'

const MASK = MASKED
const SECRET_HEADER = /password|secret|token|api[-_]?key|apikey|private|credential|authorization|cookie|signature/i

/** Every secret value of an instance's settings, longest first, to blank them out of texts. */
export function secretValues(
  entry: RegistryEntry | undefined,
  instance: Pick<DestinationInstanceConfig, 'settings'>
): string[] {
  const values: string[] = []
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 4) values.push(value)
    else if (typeof value === 'number') values.push(String(value))
    else if (Array.isArray(value)) value.forEach(collect)
    else if (isRecord(value)) Object.values(value).forEach(collect)
  }
  for (const [key, value] of Object.entries(instance.settings)) if (isSecretSetting(key, entry)) collect(value)
  return values.filter((value) => value.length >= 4).sort((a, b) => b.length - a.length)
}

/** `text` with each of `secrets` replaced by the mask. */
export function blank(text: string, secrets: string[]): string {
  let out = text
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK)
  return out
}

function blankHeaders(headers: Record<string, string>, secrets: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADER.test(name) || /^(x-)?api-?key$/i.test(name) ? MASK : blank(String(value), secrets)
  }
  return out
}

/** An attempt as the event log shows it: credential headers and every secret value blanked. */
export function redactAttempt(attempt: StoredAttempt, secrets: string[]): StoredAttempt {
  const { request, response } = attempt
  return {
    ...attempt,
    error: attempt.error && { ...attempt.error, message: blank(attempt.error.message, secrets) },
    request: request && {
      method: request.method,
      url: blank(request.url, secrets),
      headers: blankHeaders(request.headers, secrets),
      body: request.body === undefined ? undefined : blank(request.body, secrets)
    },
    response: response && {
      status: response.status,
      headers: blankHeaders(response.headers, secrets),
      body: response.body === undefined ? undefined : blank(response.body, secrets)
    }
  }
}
