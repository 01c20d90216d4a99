import type { FqlChecker } from './check-definition'

/** parseFql from destination-subscriptions, turned into "message or nothing". */
export function loadFqlChecker(): FqlChecker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const subscriptions = require('@action-destinations/destination-subscriptions') as { parseFql?: unknown }
  const parseFql = subscriptions.parseFql
  if (typeof parseFql !== 'function')
    throw new Error('@action-destinations/destination-subscriptions does not export parseFql')
  return (fql) => {
    try {
      const result = (parseFql as (text: string) => unknown)(fql)
      if (result && typeof result === 'object' && 'error' in result) {
        const error = (result as { error: unknown }).error
        return error instanceof Error ? error.message : String(error)
      }
      return undefined
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }
}
