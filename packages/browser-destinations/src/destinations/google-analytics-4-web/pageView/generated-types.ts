// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The full URL of the page.
   */
  page_location?: string
  /**
   * The title of the page.
   */
  page_title?: string
  /**
   * The URL of the page the visitor came from.
   */
  page_referrer?: string
}
