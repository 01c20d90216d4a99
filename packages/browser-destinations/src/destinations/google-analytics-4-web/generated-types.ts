// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * The measurement ID of the web data stream, e.g. G-XXXXXXXXXX (Admin → Data Streams).
   */
  measurementID: string
  /**
   * Let gtag.js send a page_view when it loads. Turn off when a Page View action sends them.
   */
  pageView?: boolean
  /**
   * Allow Google signals data collection (cross-device reporting).
   */
  allowGoogleSignals?: boolean
  /**
   * Allow the data collected to be used to personalize ads.
   */
  allowAdPersonalizationSignals?: boolean
  /**
   * The domain of the _ga cookie; "auto" picks the highest level domain.
   */
  cookieDomain?: string
  /**
   * Where gtag.js is loaded from (the id is appended). Only for tests and self-hosting.
   */
  gtagUrl?: string
}
