import fs from 'fs'
import path from 'path'
import { parseFql } from '@action-destinations/destination-subscriptions'
import { isRecord, type JsonRecord } from '../body'
import { HttpError } from '../http-error'

/** One subscription as the README's subscriptions JSON describes it. */
export interface SavedSubscription {
  name: string
  enabled: boolean
  subscribe: string
  partnerAction: string
  mapping: JsonRecord
}

/** The file the web tester keeps next to a destination's index.ts; gitignored. */
export const SUBSCRIPTIONS_FILE_NAME = '.tester-subscriptions.json'

function invalid(place: string, problem: string): HttpError {
  return new HttpError(400, `${place} ${problem}`, { field: place })
}

/** Checks one mapping (mapping-kit's validation); throws with the problem. */
export type MappingCheck = (mapping: JsonRecord) => void

/**
 * Checks an imported or saved list and returns a copy. Errors name the entry and the field,
 * e.g. `subscriptions[1].partnerAction "nope" is not an action of this destination (actions: send)`.
 * With `checkMapping`, each mapping is validated too (unknown directives and bad arguments).
 */
export function parseSubscriptions(
  value: unknown,
  actionKeys: readonly string[],
  checkMapping?: MappingCheck
): SavedSubscription[] {
  if (!Array.isArray(value)) {
    throw invalid('subscriptions', 'must be a JSON array of { name, enabled, subscribe, partnerAction, mapping }')
  }
  return value.map((entry: unknown, index) => {
    const place = `subscriptions[${index}]`
    if (!isRecord(entry)) throw invalid(place, 'must be an object')
    const { name, enabled, subscribe, partnerAction, mapping } = entry
    if (typeof name !== 'string' || name.trim() === '') throw invalid(`${place}.name`, 'must be a non-empty string')
    if (enabled !== undefined && typeof enabled !== 'boolean')
      throw invalid(`${place}.enabled`, 'must be true or false')
    if (typeof subscribe !== 'string') throw invalid(`${place}.subscribe`, 'must be an FQL string')
    const ast = parseFql(subscribe) as { error?: { message?: string } }
    if (ast.error) throw invalid(`${place}.subscribe`, `is not valid FQL: ${String(ast.error.message)}`)
    if (typeof partnerAction !== 'string') throw invalid(`${place}.partnerAction`, 'must be an action key')
    if (!actionKeys.includes(partnerAction)) {
      const known = actionKeys.join(', ') || 'none'
      throw invalid(
        `${place}.partnerAction`,
        `"${partnerAction}" is not an action of this destination (actions: ${known})`
      )
    }
    if (!isRecord(mapping)) throw invalid(`${place}.mapping`, 'must be an object of field keys to values')
    if (checkMapping) {
      try {
        checkMapping(mapping)
      } catch (error) {
        throw invalid(`${place}.mapping`, `is invalid: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return {
      name,
      enabled: enabled ?? true,
      subscribe,
      partnerAction,
      mapping: JSON.parse(JSON.stringify(mapping)) as JsonRecord
    }
  })
}

/** Keeps the subscriptions in memory and, given a file, on disk so a restart keeps them. */
export class SubscriptionStore {
  private list: SavedSubscription[] = []
  /** Set when the file existed but could not be read; shown on the page instead of a silent reset. */
  loadError?: string

  constructor(readonly file?: string) {}

  /** Reads the file; a bad one is kept aside as `loadError` (named by `shownName`) and the list stays as it was. */
  load(actionKeys: readonly string[], checkMapping?: MappingCheck, shownName = this.file): SavedSubscription[] {
    this.loadError = undefined
    if (!this.file || !fs.existsSync(this.file)) return this.list
    try {
      this.list = parseSubscriptions(JSON.parse(fs.readFileSync(this.file, 'utf8')), actionKeys, checkMapping)
    } catch (error) {
      this.loadError = `${shownName ?? ''}: ${error instanceof Error ? error.message : String(error)}`
    }
    return this.list
  }

  current(): SavedSubscription[] {
    return this.list
  }

  save(list: SavedSubscription[]): void {
    this.list = list
    if (!this.file) return
    // Write then rename, so a crash never leaves half a file behind.
    const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`)
    fs.writeFileSync(temporary, JSON.stringify(list, null, 2) + '\n')
    fs.renameSync(temporary, this.file)
    this.loadError = undefined
  }
}
