// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The user ID to be mapped.
   */
  user_id: string
  /**
   * The global user ID the user ID is mapped to.
   */
  global_user_id: string
}
