// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The existing identity.
   */
  distinct_id: string
  /**
   * The new identity that will point to the distinct ID.
   */
  alias: string
}
