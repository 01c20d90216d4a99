// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * A readable ID specified by you. Required unless Device ID is present.
   */
  user_id?: string | null
  /**
   * A device-specific identifier. Required unless User ID is present.
   */
  device_id?: string
  /**
   * A unique identifier for your event.
   */
  event_type: string
  /**
   * The start time of the session, necessary to group events into sessions.
   */
  session_id?: string | number
  /**
   * The time the event occurred.
   */
  time?: string | number
  /**
   * Key-value pairs that represent data to send along with the event.
   */
  event_properties?: {
    [k: string]: unknown
  }
  /**
   * Key-value pairs that represent data tied to the user; $set, $setOnce and $add operations pass through.
   */
  user_properties?: {
    [k: string]: unknown
  }
  /**
   * Groups of users for the event, as group type → group value.
   */
  groups?: {
    [k: string]: unknown
  }
  /**
   * The current version of your application.
   */
  app_version?: string
  /**
   * Platform of the device.
   */
  platform?: string
  /**
   * The name of the mobile operating system or browser the user is using.
   */
  os_name?: string
  /**
   * The version of the mobile operating system or browser the user is using.
   */
  os_version?: string
  /**
   * The device brand the user is using.
   */
  device_brand?: string
  /**
   * The device manufacturer the user is using.
   */
  device_manufacturer?: string
  /**
   * The device model the user is using.
   */
  device_model?: string
  /**
   * The carrier the user has.
   */
  carrier?: string
  /**
   * The current country of the user.
   */
  country?: string
  /**
   * The current region of the user.
   */
  region?: string
  /**
   * The current city of the user.
   */
  city?: string
  /**
   * The language set by the user.
   */
  language?: string
  /**
   * The IP address of the user; "$remote" uses the address of the request.
   */
  ip?: string
  /**
   * Amplitude deduplicates subsequent events sent with this ID within the past 7 days.
   */
  insert_id?: string
  /**
   * The name of the library that generated the event.
   */
  library?: string
  /**
   * Send to Amplitude's Batch Event Upload API, which has higher rate limits.
   */
  use_batch_endpoint?: boolean
  /**
   * Amplitude rejects user and device IDs shorter than 5 characters unless this is lowered.
   */
  min_id_length?: number | null
  /**
   * Total revenue of the order.
   */
  revenue?: number
  /**
   * Attribute revenue to each product event instead of the order event, so it is not counted twice.
   */
  trackRevenuePerProduct?: boolean
  /**
   * Products purchased in the order.
   */
  products?: {
    /**
     * Price of one unit.
     */
    price?: number
    /**
     * Number of units purchased.
     */
    quantity?: number
    /**
     * Identifier of the product.
     */
    productId?: string
    /**
     * Type of revenue, e.g. "refund".
     */
    revenueType?: string
    [k: string]: unknown
  }[]
}
