// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * Secret used to sign each request body with HMAC-SHA256; the hex digest is sent in the X-Signature header.
   */
  sharedSecret?: string
}
