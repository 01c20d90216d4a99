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
   * The URL of the page; Customer.io names page views by URL.
   */
  url: string
  /**
   * When the page was viewed.
   */
  timestamp?: string | number
  /**
   * Attributes of the page view.
   */
  data?: {
    [k: string]: unknown
  }
}
