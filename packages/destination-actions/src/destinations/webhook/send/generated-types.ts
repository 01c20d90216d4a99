// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * URL to deliver data to.
   */
  url: string
  /**
   * HTTP method to use.
   */
  method: string
  /**
   * Extra HTTP headers to send with each request.
   */
  headers?: {
    [k: string]: unknown
  }
  /**
   * Payload to deliver to the webhook URL (JSON-encoded).
   */
  data?: {
    [k: string]: unknown
  }
  /**
   * When enabled, events are delivered in batches: the body is a JSON array of the data objects.
   */
  enable_batching?: boolean
  /**
   * Maximum number of events to include in each batch.
   */
  batch_size?: number
  /**
   * The keys to use for batching the events.
   */
  batch_keys?: string[]
}
