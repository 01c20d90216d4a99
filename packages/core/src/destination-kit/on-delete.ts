import type { JSONObject } from '../json-object'
import type { SegmentEvent } from '../segment-event'
import { getAuthData } from './parse-settings'
import { makeRequestClient, NOT_RECORDED } from './make-request-client'
import type { DestinationDefinition, OnEventOptions } from './destination-types'
import type { ExecuteInput, RequestExtension, Result } from './types'

// The definition's onDelete for a user deletion event, retried once after an OAuth refresh.

/* eslint-disable @typescript-eslint/no-explicit-any -- extendRequest's generic default mirrors the reference */

// What onDelete uses of the destination.
export interface DeletionRunner<Settings> {
  readonly definition: DestinationDefinition<Settings>
  readonly extendRequest?: RequestExtension<Settings, any>
  handleError(error: unknown, settings: JSONObject, options?: OnEventOptions): Promise<JSONObject>
}

export async function runOnDelete<Settings>(
  destination: DeletionRunner<Settings>,
  destinationSettingsOf: (settings: JSONObject) => JSONObject,
  event: SegmentEvent,
  settings: JSONObject,
  options?: OnEventOptions
): Promise<Result> {
  const onDelete = destination.definition.onDelete
  if (typeof onDelete !== 'function') return {}
  const payload = { userId: event?.userId, anonymousId: event?.anonymousId }
  const run = (current: JSONObject) => {
    const destinationSettings = destinationSettingsOf(current) as unknown as Settings
    const data = { payload, settings: destinationSettings, auth: getAuthData(current) } as ExecuteInput<
      Settings,
      typeof payload
    >
    return onDelete(makeRequestClient(destination.extendRequest, data, NOT_RECORDED), data)
  }
  // What onDelete returns, or the reference's placeholder when it returns nothing.
  const outcome = (result: unknown): Result => (result ?? { output: 'no onDelete defined' }) as Result
  try {
    return outcome(await run(settings))
  } catch (error) {
    return outcome(await run(await destination.handleError(error, settings, options)))
  }
}
