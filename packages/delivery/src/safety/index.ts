// `@action-destinations/delivery/safety`: redaction and the Host / Origin guard, light enough for
// `serve` to load without the engine (no SQLite, pg or pino behind it).
export { REDACTED, MIN_SECRET_LENGTH, isSecretName } from './secret-name'
export { Redactor } from './redactor'
export { isSecretSetting, secretSettingValues, maskSettings, unmaskSettings } from './secret-settings'
export type { SettingField, SettingFields } from './secret-settings'
export {
  LOOPBACK_NAMES,
  isLoopbackHost,
  contentSecurityPolicy,
  setSecurityHeaders,
  hostOriginGuard
} from './host-origin-guard'
export type { HostOriginOptions } from './host-origin-guard'
