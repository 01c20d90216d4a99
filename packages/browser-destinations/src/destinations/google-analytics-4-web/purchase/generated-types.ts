// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The unique identifier of the transaction.
   */
  transaction_id: string
  /**
   * The currency of the purchase, in 3-letter ISO 4217 format.
   */
  currency?: string
  /**
   * The monetary value of the event.
   */
  value?: number
  /**
   * The coupon name or code associated with the event.
   */
  coupon?: string
  /**
   * Shipping cost of the transaction.
   */
  shipping?: number
  /**
   * Tax cost of the transaction.
   */
  tax?: number
  /**
   * The products purchased.
   */
  items?: {
    /**
     * Identifier of the product.
     */
    item_id?: string
    /**
     * Name of the product.
     */
    item_name?: string
    /**
     * Category of the product.
     */
    item_category?: string
    /**
     * Price of one unit.
     */
    price?: number
    /**
     * Units purchased.
     */
    quantity?: number
  }[]
}
