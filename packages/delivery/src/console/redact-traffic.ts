// Secrets never leave the console in clear. Settings are masked as in the admin API; recorded
// traffic goes through the one rule set of src/safety (credential headers, URL user info, secret
// fields and every secret setting's value).
import type { RegistryEntry } from '../config/registry'
import type { DestinationInstanceConfig } from '../config/types'
import { Redactor } from '../safety/redactor'
import { secretSettingValues } from '../safety/secret-settings'
import type { StoredAttempt } from '../store/types'

/** The redactor of one instance: its secret setting values (nested ones too) and the name rules. */
export function instanceRedactor(
  entry: RegistryEntry | undefined,
  instance: Pick<DestinationInstanceConfig, 'settings'>
): Redactor {
  return new Redactor(secretSettingValues(instance.settings, entry?.definition.authentication?.fields))
}

/** An attempt as the event log shows it: credential headers and every secret value blanked. */
export function redactAttempt(attempt: StoredAttempt, redactor: Redactor): StoredAttempt {
  const { request, response } = attempt
  return {
    ...attempt,
    error: attempt.error && { ...attempt.error, message: redactor.text(attempt.error.message) },
    request: request && {
      method: request.method,
      url: redactor.text(request.url),
      headers: redactor.headers(request.headers),
      body: request.body === undefined ? undefined : redactor.text(request.body)
    },
    response: response && {
      status: response.status,
      headers: redactor.headers(response.headers),
      body: response.body === undefined ? undefined : redactor.text(response.body)
    }
  }
}
