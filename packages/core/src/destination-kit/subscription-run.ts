import type { JSONLikeObject, JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import type { Action } from './action'
import { withCompletionReport } from './completion-report'
import type { StatsContext } from './contexts'
import type { OnEventOptions, SubscriptionStats } from './destination-types'
import { audienceSettingsOf, personasOf } from './event-context'
import { errorJson, withValidationStatus } from './results'
import type { CallState } from './auth-refresh'
import type { PreparedSubscription } from './subscriptions'
import type { PreparedSettings } from './settings/prepared-settings'
import type { Result } from './types'

// One subscription of onEvent: matched against the event, its action run, a 401 retried after a
// token refresh; and how the outcomes of several subscriptions make the call's answer.

/* eslint-disable @typescript-eslint/no-explicit-any -- action payload types are the definition's */

// What a subscription run uses of its destination.
export interface SubscriptionHost<Settings, AudienceSettings> {
  readonly name: string
  actionFor(slug: string): Action<Settings, any, AudienceSettings> | undefined
  settingsOf(prepared: PreparedSettings): JSONObject
  isAuthRefreshable(error: unknown): boolean
  refreshed(
    prepared: PreparedSettings,
    state: CallState,
    options: OnEventOptions | undefined
  ): Promise<PreparedSettings>
}

export interface SubscriptionOutcome {
  results: Result[]
  // True when the action ran and succeeded: something may have been delivered.
  delivered: boolean
  error?: unknown
}

/** A failed subscription's outcome among several. */
export function failedOutcome(error: unknown): SubscriptionOutcome {
  return { results: [{ error: errorJson(error) }], delivered: false, error }
}

// Every subscription of an onEvent call with several: a failing one reports `{ error }` in its
// place, and the call rejects only when none delivered anything.
export async function onEverySubscription<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscriptions: PreparedSubscription[],
  event: SegmentEvent,
  prepared: PreparedSettings,
  state: CallState,
  options: OnEventOptions | undefined
): Promise<Result[]> {
  return combineOutcomes(
    await Promise.all(
      subscriptions.map((subscription) =>
        new Promise<SubscriptionOutcome>((resolve) =>
          resolve(onSubscription(host, subscription, event, prepared, state, options))
        ).catch(failedOutcome)
      )
    )
  )
}

// With several subscriptions, the call rejects only when one failed and none delivered anything.
export function combineOutcomes(outcomes: SubscriptionOutcome[]): Result[] {
  const failed = outcomes.find((outcome) => outcome.error !== undefined)
  if (failed && !outcomes.some((outcome) => outcome.delivered)) throw failed.error
  const results: Result[] = []
  for (const outcome of outcomes) for (const result of outcome.results) results.push(result)
  return results
}

// The reference's stats: the event(s), mapping and destination settings the subscription ran with.
export function subscriptionStats<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscription: PreparedSubscription,
  data: SegmentEvent | SegmentEvent[],
  prepared: PreparedSettings,
  output: Result[] | null,
  ms: number
): SubscriptionStats {
  return {
    duration: ms,
    destination: host.name,
    action: subscription.partnerAction,
    subscribe: subscription.subscription.subscribe,
    input: { data, mapping: subscription.mapping, settings: host.settingsOf(prepared) } as unknown as JSONLikeObject,
    output
  }
}

export function onSubscription<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscription: PreparedSubscription,
  event: SegmentEvent,
  prepared: PreparedSettings,
  state: CallState,
  options: OnEventOptions | undefined
): SubscriptionOutcome | Promise<SubscriptionOutcome> {
  // No closures on the per-event path unless someone listens.
  if (typeof options?.onComplete !== 'function') {
    return runSubscription(host, subscription, event, prepared, state, options)
  }
  return withCompletionReport(
    options?.onComplete,
    (output, ms) => subscriptionStats(host, subscription, event, prepared, output, ms),
    () => runSubscription(host, subscription, event, prepared, state, options)
  )
}

// Synchronous when the action's perform is: a promise only where something is awaited.
function runSubscription<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscription: PreparedSubscription,
  event: SegmentEvent,
  prepared: PreparedSettings,
  state: CallState,
  options: OnEventOptions | undefined
): SubscriptionOutcome | Promise<SubscriptionOutcome> {
  // In the reference's order: the subscription is checked before the action is looked up.
  if (subscription.invalid !== undefined) return { results: [{ output: subscription.invalid }], delivered: false }
  if (!subscription.matches(event)) return { results: [{ output: 'not subscribed' }], delivered: false }
  const action = host.actionFor(subscription.partnerAction)
  if (!action) return { results: [], delivered: false }

  const run = (current: PreparedSettings) =>
    action.executeNow({
      data: event as never,
      mapping: subscription.mapping,
      settings: host.settingsOf(current) as unknown as Settings,
      auth: current.auth,
      features: options?.features ?? {},
      // As in the reference, perform always gets a stats context (an empty one when none was given).
      statsContext: options?.statsContext || ({} as StatsContext),
      logger: options?.logger,
      engageDestinationCache: options?.engageDestinationCache,
      transactionContext: options?.transactionContext,
      stateContext: options?.stateContext,
      subscriptionMetadata: subscription.metadata,
      signal: options?.signal,
      audienceSettings: audienceSettingsOf(event) as unknown as AudienceSettings,
      personasContext: personasOf(event)
    })

  const delivered = (results: Result[]): SubscriptionOutcome => ({ results, delivered: true })
  const retry = async (error: unknown): Promise<SubscriptionOutcome> => {
    if (!host.isAuthRefreshable(error)) throw withValidationStatus(error)
    const results = await Promise.resolve(run(await host.refreshed(prepared, state, options))).catch(
      (retryError: unknown) => {
        throw withValidationStatus(retryError)
      }
    )
    return delivered(results)
  }
  let results: Result[] | Promise<Result[]>
  try {
    results = run(prepared)
  } catch (error) {
    return retry(error)
  }
  return results instanceof Promise ? results.then(delivered, retry) : delivered(results)
}
