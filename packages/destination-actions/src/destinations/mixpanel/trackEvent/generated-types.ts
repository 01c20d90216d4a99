// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The name of the event.
   */
  event: string
  /**
   * The identity the event is attributed to.
   */
  distinct_id: string
  /**
   * Device identifier, used by Simplified ID Merge.
   */
  anonymous_id?: string
  /**
   * Known user identifier, used by Simplified ID Merge.
   */
  user_id?: string
  /**
   * The time the event occurred.
   */
  time?: string | number
  /**
   * Unique identifier Mixpanel uses to deduplicate events.
   */
  insert_id?: string
  /**
   * Properties of the event.
   */
  properties?: {
    [k: string]: unknown
  }
  /**
   * IP address of the user, used for geolocation.
   */
  ip?: string
  /**
   * URL of the page the event happened on.
   */
  url?: string
  /**
   * URL of the previous page.
   */
  referrer?: string
  /**
   * Operating system of the device.
   */
  os_name?: string
  /**
   * Version of the app.
   */
  app_version?: string
  /**
   * Model of the device.
   */
  device_model?: string
  /**
   * Send events to the Import API in batches.
   */
  enable_batching?: boolean
  /**
   * Maximum number of events per batch (Mixpanel allows up to 2000).
   */
  batch_size?: number
}
