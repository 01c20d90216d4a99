// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * A readable ID specified by you. Required unless Device ID is present.
   */
  user_id?: string | null
  /**
   * A device-specific identifier. Required unless User ID is present.
   */
  device_id?: string
  /**
   * The type of the group, e.g. "company".
   */
  group_type: string
  /**
   * The value of the group, e.g. the company name or id.
   */
  group_value: string
  /**
   * Properties to set on the group.
   */
  group_properties?: {
    [k: string]: unknown
  }
}
