// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The event name; characters GA4 does not accept become underscores.
   */
  name: string
  /**
   * Send the event name in lower case.
   */
  lowercase?: boolean
  /**
   * Parameters sent with the event (custom dimensions and metrics).
   */
  params?: {
    [k: string]: unknown
  }
}
