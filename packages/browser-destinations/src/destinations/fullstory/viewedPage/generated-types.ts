// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The name of the page.
   */
  pageName?: string
  /**
   * Properties of the page.
   */
  properties?: {
    [k: string]: unknown
  }
}
