// Structured logs (pino). Secrets never reach them: settings values, Authorization headers,
// tokens and passwords read as the one placeholder of src/safety wherever they appear in the usual places.
import pino, { type Logger } from 'pino'
import { REDACTED } from './safety/secret-name'

export const REDACTED_PATHS = [
  'settings',
  '*.settings',
  '*.*.settings',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'request.headers.authorization',
  '*.request.headers.authorization',
  'adminToken',
  '*.adminToken',
  'writeKey',
  '*.writeKey',
  'password',
  '*.password',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token'
]

export interface LoggerOptions {
  level?: string
  /** Where lines go (default stdout). */
  destination?: pino.DestinationStream
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'delivery',
      level: options.level ?? process.env.DELIVERY_LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: REDACTED }
    },
    options.destination ?? pino.destination({ sync: false })
  )
}
