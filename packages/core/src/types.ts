// The response type perform receives from `request` (defined by the request client).
export type { ModifiedResponse } from './request-client'
