// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The group key configured in Mixpanel, e.g. "company_id".
   */
  group_key: string
  /**
   * The identifier of the group.
   */
  group_id: string
  /**
   * Properties to set on the group profile.
   */
  traits?: {
    [k: string]: unknown
  }
}
