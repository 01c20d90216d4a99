import { MultiStatusErrorReporter } from '../errors'
import type { SegmentEvent } from '../segment-event'
import { withCompletionReport } from './completion-report'
import type { StatsContext } from './contexts'
import type { BatchEventInput, OnEventOptions } from './destination-types'
import { audienceSettingsOf, personasOf } from './event-context'
import { errorNode } from './results'
import type { CallState } from './auth-refresh'
import { combineOutcomes, failedOutcome, subscriptionStats } from './subscription-run'
import type { SubscriptionHost, SubscriptionOutcome } from './subscription-run'
import type { PreparedSubscription } from './subscriptions'
import type { PreparedSettings } from './settings/prepared-settings'
import type { Result, ResultMultiStatusNode } from './types'

// One subscription of onBatch: the events it matches go to the action's performBatch in one call;
// every event gets a multistatus node, in input order.

const DOES_NOT_MATCH = 'Payload is either invalid or does not match the subscription'

/** The bundle `Action.executeBatch` / `runBatch` takes for a list of events. */
export function batchBundle<Settings, AudienceSettings>(input: BatchEventInput<Settings>) {
  const first = Array.isArray(input.events) ? input.events[0] : undefined
  return {
    data: (Array.isArray(input.events) ? input.events : []) as never[],
    mapping: input.mapping,
    settings: input.settings,
    auth: input.auth,
    features: input.features ?? {},
    statsContext: input.statsContext,
    logger: input.logger,
    engageDestinationCache: input.engageDestinationCache,
    transactionContext: input.transactionContext,
    stateContext: input.stateContext,
    subscriptionMetadata: input.subscriptionMetadata,
    signal: input.signal,
    audienceSettings: audienceSettingsOf(first) as unknown as AudienceSettings,
    personasContext: personasOf(first)
  }
}

// Every subscription of an onBatch call with several (see onEverySubscription).
export async function onEveryBatchSubscription<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscriptions: PreparedSubscription[],
  events: SegmentEvent[],
  prepared: PreparedSettings,
  state: CallState,
  options: OnEventOptions | undefined
): Promise<Result[]> {
  return combineOutcomes(
    await Promise.all(
      subscriptions.map((subscription) =>
        onBatchSubscription(host, subscription, events, prepared, state, options).catch(failedOutcome)
      )
    )
  )
}

export function onBatchSubscription<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscription: PreparedSubscription,
  events: SegmentEvent[],
  prepared: PreparedSettings,
  state: CallState,
  options: OnEventOptions | undefined
): Promise<SubscriptionOutcome> {
  return Promise.resolve(
    withCompletionReport(
      options?.onComplete,
      (output, ms) => subscriptionStats(host, subscription, events, prepared, output, ms),
      () => runBatchSubscription(host, subscription, events, prepared, state, options)
    )
  )
}

async function runBatchSubscription<Settings, AudienceSettings>(
  host: SubscriptionHost<Settings, AudienceSettings>,
  subscription: PreparedSubscription,
  events: SegmentEvent[],
  prepared: PreparedSettings,
  state: CallState,
  options: OnEventOptions | undefined
): Promise<SubscriptionOutcome> {
  // An invalid subscription (no `subscribe`, or FQL that does not parse) answers every event with
  // a 400, as in the reference.
  if (subscription.invalid !== undefined) {
    const node: ResultMultiStatusNode = {
      status: 400,
      errortype: 'PAYLOAD_VALIDATION_FAILED',
      errormessage: subscription.invalid,
      errorreporter: MultiStatusErrorReporter.INTEGRATIONS
    }
    return { results: [{ multistatus: events.map(() => node) }], delivered: false }
  }

  const matched: SegmentEvent[] = []
  const positions: number[] = []
  for (let i = 0; i < events.length; i++) {
    if (subscription.matches(events[i])) {
      matched.push(events[i])
      positions.push(i)
    }
  }
  if (matched.length === 0) return { results: [{ output: 'not subscribed' }], delivered: false }
  const action = host.actionFor(subscription.partnerAction)
  if (!action) return { results: [], delivered: false }

  const run = (current: PreparedSettings) =>
    action.runBatch(
      batchBundle<Settings, AudienceSettings>({
        events: matched,
        mapping: subscription.mapping,
        settings: host.settingsOf(current) as unknown as Settings,
        auth: current.auth,
        features: options?.features,
        statsContext: options?.statsContext || ({} as StatsContext),
        logger: options?.logger,
        engageDestinationCache: options?.engageDestinationCache,
        transactionContext: options?.transactionContext,
        stateContext: options?.stateContext,
        subscriptionMetadata: subscription.metadata,
        signal: options?.signal
      })
    )

  let outcome = await run(prepared)
  // An expired token, thrown or reported as a 401 entry (as the reference checks): refresh, run again.
  const has401 = outcome.error === undefined && outcome.nodes.some((node) => node?.status === 401)
  if (host.isAuthRefreshable(outcome.error ?? (has401 ? { status: 401 } : undefined))) {
    outcome = await run(await host.refreshed(prepared, state, options))
  }

  const nodes: ResultMultiStatusNode[] = new Array(events.length)
  for (let i = 0; i < events.length; i++) {
    nodes[i] = {
      status: 400,
      errortype: 'PAYLOAD_VALIDATION_FAILED',
      errormessage: DOES_NOT_MATCH,
      errorreporter: MultiStatusErrorReporter.INTEGRATIONS
    }
  }
  for (let j = 0; j < positions.length; j++) nodes[positions[j]] = outcome.nodes[j] ?? errorNode(outcome.error)
  return {
    results: [{ multistatus: nodes }],
    delivered: outcome.error === undefined,
    error: outcome.error
  }
}
