// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The method used to sign up, e.g. "Google".
   */
  method?: string
}
