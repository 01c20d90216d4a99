// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The identifier of the person to delete.
   */
  id: string
}
