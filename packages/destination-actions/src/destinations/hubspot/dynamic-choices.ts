import type { DynamicFieldResponse, RequestClient } from '@action-destinations/core'
import { mapHttpError } from '../../lib/map-http-error'
import { HUBSPOT_BASE_URL, VENDOR } from './api'

interface EventDefinition {
  name: string
  fullyQualifiedName: string
  labels?: { singular?: string }
  description?: string
}

interface PropertyDefinition {
  name: string
  label?: string
  type?: string
  description?: string
  modificationMetadata?: { readOnlyValue?: boolean }
}

/** Dynamic fields answer with an error object rather than throwing, so the UI can show why the list is empty. */
async function listChoices<T>(
  load: () => Promise<T[]>,
  toChoice: (item: T) => DynamicFieldResponse['choices'][number] | undefined
): Promise<DynamicFieldResponse> {
  try {
    const items = await load()
    const choices = items.map(toChoice).filter((choice): choice is NonNullable<typeof choice> => !!choice)
    return { choices }
  } catch (error) {
    const mapped = mapHttpError(VENDOR, error) as Error & { code?: string }
    return { choices: [], error: { code: mapped.code ?? 'UNKNOWN_ERROR', message: mapped.message } }
  }
}

/** The account's custom behavioral event definitions; the value is the fully qualified name HubSpot expects. */
export function listEventDefinitions(request: RequestClient): Promise<DynamicFieldResponse> {
  return listChoices(
    async () => {
      const response = await request<{ results?: EventDefinition[] }>(
        `${HUBSPOT_BASE_URL}/events/v3/event-definitions`,
        {
          method: 'get'
        }
      )
      return response.data?.results ?? []
    },
    (definition) => ({
      label: definition.labels?.singular ?? definition.name,
      value: definition.fullyQualifiedName,
      description: definition.description
    })
  )
}

/** Writable properties of a CRM object type (contacts, companies), for property-name pickers. */
export function listWritableProperties(request: RequestClient, objectType: string): Promise<DynamicFieldResponse> {
  return listChoices(
    async () => {
      const response = await request<{ results?: PropertyDefinition[] }>(
        `${HUBSPOT_BASE_URL}/crm/v3/properties/${encodeURIComponent(objectType)}`,
        { method: 'get' }
      )
      return response.data?.results ?? []
    },
    (property) =>
      property.modificationMetadata?.readOnlyValue
        ? undefined
        : { label: property.label ?? property.name, value: property.name, description: property.description }
  )
}
