// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * Customer.io Track API site ID (Account Settings → API Credentials).
   */
  siteId: string
  /**
   * Customer.io Track API key.
   */
  apiKey: string
  /**
   * The region your Customer.io account is in.
   */
  accountRegion?: string
}
