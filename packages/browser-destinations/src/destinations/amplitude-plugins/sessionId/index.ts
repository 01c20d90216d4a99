import type { BrowserActionDefinition } from '../../../runtime/types'
import type { Settings } from '../generated-types'
import { LAST_ACCESS_KEY, SESSION_ID_KEY, readNumber, writeNumber } from '../session-store'
import type { Payload } from './generated-types'

const THIRTY_MINUTES_MS = 30 * 60 * 1000

/**
 * The integration key and field the cloud Amplitude destination reads the session from: its
 * `session_id` field defaults to `$.integrations.Actions Amplitude.session_id`.
 */
export const SESSION_ID_PATH = 'integrations.Actions Amplitude.session_id'

/** The current session id (its start time in ms), starting a new session after inactivity. */
export function currentSessionId(now: number, sessionLength: number): number {
  const id = readNumber(SESSION_ID_KEY)
  const lastAccess = readNumber(LAST_ACCESS_KEY)
  const expired = id === undefined || lastAccess === undefined || now - lastAccess > sessionLength
  const session = expired ? now : id
  if (expired) writeNumber(SESSION_ID_KEY, session)
  writeNumber(LAST_ACCESS_KEY, now)
  return session
}

const action: BrowserActionDefinition<Settings, undefined, Payload> = {
  title: 'Session ID',
  description:
    'Starts or continues an Amplitude session and adds its id to the event, where the cloud Amplitude destination reads it.',
  platform: 'web',
  lifecycleHook: 'enrichment',
  defaultSubscription: 'type = "track" or type = "identify" or type = "group" or type = "page" or type = "alias"',
  fields: {
    sessionLength: {
      label: 'Session Length',
      description: 'Milliseconds of inactivity after which the next event starts a new session.',
      type: 'number',
      default: THIRTY_MINUTES_MS
    }
  },
  perform: (_client, { payload, context }) => {
    const length = payload.sessionLength
    const sessionLength =
      typeof length === 'number' && Number.isFinite(length) && length > 0 ? length : THIRTY_MINUTES_MS
    context.updateEvent(SESSION_ID_PATH, currentSessionId(Date.now(), sessionLength))
  }
}

export default action
