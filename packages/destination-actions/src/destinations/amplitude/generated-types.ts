// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * Amplitude project API key (Settings → Projects). A public identifier: it ships in browser code; the secret key is separate.
   */
  apiKey: string
  /**
   * Amplitude project secret key, used for authentication checks and user deletion.
   */
  secretKey: string
  /**
   * The region your Amplitude project stores data in.
   */
  endpoint?: string
}
