// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The identifier of the person.
   */
  id?: string
  /**
   * Used when the person is not known yet.
   */
  anonymous_id?: string
  /**
   * The name of the event.
   */
  name: string
  /**
   * A unique ID (ULID recommended) Customer.io uses to deduplicate events.
   */
  event_id?: string
  /**
   * When the event occurred.
   */
  timestamp?: string | number
  /**
   * Attributes of the event.
   */
  data?: {
    [k: string]: unknown
  }
}
