import createInstance from './core/create-instance'
import { parseResponse } from './parse-response'
import type { AllRequestOptions, ModifiedResponse, RequestOptions } from './types'

export interface ResponseError extends Error {
  status?: number
}

// The client destinations receive: a Segment user agent, the default timeout, responses with
// `data`/`content`, then each given layer of options in order. Built once, reused per request.
export default function createRequestClient(...requestOptions: AllRequestOptions[]) {
  let instance = createInstance(
    { headers: { 'user-agent': 'Segment (Actions)' } },
    { transformResponse: parseResponse }
  )
  for (const options of requestOptions) instance = instance.extend(options)
  const client = instance
  return <Data = unknown>(url: string, options?: RequestOptions): Promise<ModifiedResponse<Data>> =>
    client<ModifiedResponse<Data>>(url, options)
}

export type RequestClient = ReturnType<typeof createRequestClient>
