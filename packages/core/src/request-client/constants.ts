// Default request timeout in milliseconds (the reference's value); see resolveDefaultTimeout for the env override.
export const DEFAULT_REQUEST_TIMEOUT = 10000
