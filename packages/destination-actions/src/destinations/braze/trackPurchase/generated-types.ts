// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The unique user identifier in Braze.
   */
  external_id?: string
  /**
   * A user alias object; both the name and the label are needed.
   */
  user_alias?: {
    /**
     * The alias name.
     */
    alias_name: string
    /**
     * The alias label.
     */
    alias_label: string
  }
  /**
   * The Braze-generated identifier of the user.
   */
  braze_id?: string | null
  /**
   * When true, Braze only updates existing users and never creates new ones.
   */
  _update_existing_only?: boolean
  /**
   * When the order was placed.
   */
  time: string | number
  /**
   * Currency of the order, used for products without their own (ISO 4217, defaults to USD).
   */
  currency?: string
  /**
   * Products purchased.
   */
  products: {
    /**
     * Identifier of the product.
     */
    product_id: string
    /**
     * Price of one unit.
     */
    price: number
    /**
     * Number of units.
     */
    quantity?: number
    /**
     * Currency of the price (ISO 4217).
     */
    currency?: string
  }[]
  /**
   * Properties of the purchase.
   */
  properties?: {
    [k: string]: unknown
  }
  /**
   * Send events to Braze in batches of up to 75.
   */
  enable_batching?: boolean
  /**
   * Maximum number of events per batch (Braze allows up to 75).
   */
  batch_size?: number
}
