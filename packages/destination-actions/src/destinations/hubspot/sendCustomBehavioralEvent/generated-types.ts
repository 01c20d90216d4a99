// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The fully qualified internal name of the event definition, e.g. pe123456_order_shipped.
   */
  eventName: string
  /**
   * When the event occurred.
   */
  occurredAt?: string | number
  /**
   * Email of the contact the event belongs to.
   */
  email?: string
  /**
   * The hubspotutk cookie value of the visitor.
   */
  utk?: string
  /**
   * HubSpot ID of the contact the event belongs to.
   */
  objectId?: string
  /**
   * Properties of the event, by their internal names in the event definition.
   */
  properties?: {
    [k: string]: unknown
  }
}
