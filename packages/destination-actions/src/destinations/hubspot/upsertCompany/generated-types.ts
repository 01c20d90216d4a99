// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The company’s domain name; the company is matched on it.
   */
  domain: string
  /**
   * The company’s name.
   */
  name?: string
  /**
   * The company’s industry.
   */
  industry?: string
  /**
   * How many people the company employs.
   */
  numberofemployees?: number
  /**
   * Any other company properties, by HubSpot internal property name.
   */
  properties?: {
    [k: string]: unknown
  }
}
