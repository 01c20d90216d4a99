// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The identifier of the person.
   */
  id: string
  /**
   * An anonymous identifier; Customer.io merges its anonymous activity into the person.
   */
  anonymous_id?: string
  /**
   * The person's email address.
   */
  email?: string
  /**
   * When the person was created; sent as a Unix timestamp.
   */
  created_at?: string | number
  /**
   * Attributes of the person.
   */
  custom_attributes?: {
    [k: string]: unknown
  }
}
