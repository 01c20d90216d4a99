// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The name of the event.
   */
  name: string
  /**
   * Properties of the event.
   */
  properties?: {
    [k: string]: unknown
  }
}
