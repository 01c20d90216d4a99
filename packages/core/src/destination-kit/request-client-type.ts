import type { RequestOptions, ModifiedResponse } from '../request-client'

// The `request` function perform and friends receive.
export type RequestClient = <Data = unknown>(url: string, options?: RequestOptions) => Promise<ModifiedResponse<Data>>
