// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The identity whose profile is updated.
   */
  distinct_id: string
  /**
   * Properties to set on the profile; email, name, phone… become Mixpanel reserved properties.
   */
  traits?: {
    [k: string]: unknown
  }
  /**
   * IP address of the user, used for geolocation of the profile.
   */
  ip?: string
}
