// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * Uniquely identifies a user instance of a web client.
   */
  client_id: string
  /**
   * A unique identifier for a user, for cross-platform analysis.
   */
  user_id?: string
  /**
   * The time of the event; sent to GA4 in microseconds since the epoch.
   */
  timestamp_micros?: string | number
  /**
   * User properties that describe segments of your user base.
   */
  user_properties?: {
    [k: string]: unknown
  }
  /**
   * The amount of time a user interacted with your site, needed for users to show as active.
   */
  engagement_time_msec?: number
  /**
   * Extra parameters sent with the event (custom dimensions and metrics).
   */
  params?: {
    [k: string]: unknown
  }
  /**
   * The method used to sign up, e.g. "Google".
   */
  method?: string
}
