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
   * Currency of the value, in 3-letter ISO 4217 format.
   */
  currency?: string
  /**
   * The monetary value of the event.
   */
  value?: number
  /**
   * The products of the event.
   */
  items: {
    /**
     * Identifier of the product.
     */
    item_id?: string
    /**
     * Name of the product.
     */
    item_name?: string
    /**
     * A product affiliation, e.g. a store.
     */
    affiliation?: string
    /**
     * Coupon code used for a purchase.
     */
    coupon?: string
    /**
     * Monetary discount associated with a purchase.
     */
    discount?: number
    /**
     * Position of the item in a list.
     */
    index?: number
    /**
     * Brand of the product.
     */
    item_brand?: string
    /**
     * Category of the product.
     */
    item_category?: string
    /**
     * Variant of the product, e.g. size or colour.
     */
    item_variant?: string
    /**
     * Price of one unit.
     */
    price?: number
    /**
     * Number of units.
     */
    quantity?: number
    [k: string]: unknown
  }[]
}
