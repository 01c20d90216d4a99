// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * Your unique identifier for the user.
   */
  userId?: string
  /**
   * The name shown for the user in FullStory.
   */
  displayName?: string
  /**
   * The email address of the user.
   */
  email?: string
  /**
   * Other properties of the user.
   */
  traits?: {
    [k: string]: unknown
  }
}
