import type { AfterResponseHook, AllRequestOptions, BeforeRequestHook } from '../types'
import type { HeaderRecord } from '../utils/merge-headers'
import type { SearchParamEntries } from '../utils/merge-search-params'

// Options after merging layers: headers and search params in canonical form, hooks always arrays.
export interface ResolvedOptions extends Omit<AllRequestOptions, 'headers' | 'searchParams'> {
  headers: HeaderRecord
  searchParams?: SearchParamEntries
  beforeRequest: BeforeRequestHook[]
  afterResponse: AfterResponseHook[]
}
