// An event as the debugger shows it: a write key that a client put in the body is masked.
import { isRecord, type JsonRecord } from './console-error'
import { REDACTED as MASK } from '../safety/secret-name'

export function maskWriteKeys(event: JsonRecord): JsonRecord {
  if (!('writeKey' in event) && !(isRecord(event.context) && 'writeKey' in event.context)) return event
  const out: JsonRecord = { ...event }
  if ('writeKey' in out) out.writeKey = MASK
  if (isRecord(out.context) && 'writeKey' in out.context) out.context = { ...out.context, writeKey: MASK }
  return out
}
