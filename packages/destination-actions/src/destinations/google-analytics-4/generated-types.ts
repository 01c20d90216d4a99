// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * The measurement ID of the web data stream, e.g. G-XXXXXXXXXX (Admin → Data Streams).
   */
  measurementId: string
  /**
   * A Measurement Protocol API secret created for the data stream.
   */
  apiSecret: string
  /**
   * Send data to the global endpoint or keep collection in the EU.
   */
  region?: string
}
