import { createRequestClient } from '../request-client'
import type { AllRequestOptions, NormalizedOptions, ModifiedResponse } from '../request-client'
import type { ExecuteInput, RequestExtension } from './types'
import type { RequestClient } from './request-client-type'

// A response as the destination keeps it: with the request and options that produced it.
export interface DecoratedResponse extends ModifiedResponse {
  request: Request
  options: AllRequestOptions
}

export type ResponseRecorder = (response: DecoratedResponse) => void

// Only actions record their responses in `responses`: like the reference, the requests of
// testAuthentication, refreshAccessToken, onDelete and audiences are not kept.
export const NOT_RECORDED: ResponseRecorder = () => undefined

// An empty stats context (what perform gets when the runtime was given none) has nothing to carry.
function carriesStats(stats: unknown): boolean {
  if (stats === undefined || stats === null || typeof stats !== 'object') return false
  for (const _key in stats) return true
  return false
}

// Clients without per-call options are shared: built once per recorder.
const shared = new WeakMap<ResponseRecorder, RequestClient>()

function recordingHook(record: ResponseRecorder) {
  return (request: Request, options: NormalizedOptions, response: Response): void => {
    const decorated = response as DecoratedResponse
    try {
      decorated.request = request
      decorated.options = options as AllRequestOptions
    } catch {
      // A frozen response is still recorded, just without the extra fields.
    }
    record(decorated)
  }
}

function build(
  record: ResponseRecorder,
  extension: AllRequestOptions | undefined,
  data?: ExecuteInput<unknown, unknown>
) {
  const own: AllRequestOptions = { afterResponse: [recordingHook(record)] }
  if (carriesStats(data?.statsContext)) own.statsContext = data?.statsContext
  if (data?.signal) own.signal = data.signal
  const layers: AllRequestOptions[] = extension ? [extension, own] : [own]
  return createRequestClient(...layers) as RequestClient
}

// The `request` handed to perform. Nothing is built until perform actually sends a request,
// so performs that never call it cost nothing; extendRequest runs then, with the bundle.
export function makeRequestClient<Settings>(
  extendRequest: RequestExtension<Settings, unknown> | undefined,
  data: ExecuteInput<Settings, unknown>,
  record: ResponseRecorder
): RequestClient {
  if (!extendRequest && !carriesStats(data.statsContext) && !data.signal) {
    let client = shared.get(record)
    if (!client) {
      client = build(record, undefined)
      shared.set(record, client)
    }
    return client
  }
  let client: RequestClient | undefined
  return ((url: string, options?: Parameters<RequestClient>[1]) => {
    if (!client) {
      const extension = extendRequest ? extendRequest(data) : undefined
      client = build(record, extension ?? undefined, data as ExecuteInput<unknown, unknown>)
    }
    return client(url, options)
  }) as RequestClient
}
