// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * Milliseconds of inactivity after which the next event starts a new session.
   */
  sessionLength?: number
}
