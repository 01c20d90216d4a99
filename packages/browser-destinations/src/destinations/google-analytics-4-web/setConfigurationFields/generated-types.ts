// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * A unique identifier for a user, for cross-platform analysis.
   */
  user_id?: string
  /**
   * User properties that describe segments of your user base.
   */
  user_properties?: {
    [k: string]: unknown
  }
}
