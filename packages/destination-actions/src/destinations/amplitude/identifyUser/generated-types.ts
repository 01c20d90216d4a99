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
   * Key-value pairs that represent data tied to the user; $set, $setOnce and $add operations pass through.
   */
  user_properties?: {
    [k: string]: unknown
  }
  /**
   * Groups of users for the event, as group type → group value.
   */
  groups?: {
    [k: string]: unknown
  }
  /**
   * The current version of your application.
   */
  app_version?: string
  /**
   * Platform of the device.
   */
  platform?: string
  /**
   * The name of the mobile operating system or browser the user is using.
   */
  os_name?: string
  /**
   * The version of the mobile operating system or browser the user is using.
   */
  os_version?: string
  /**
   * The device brand the user is using.
   */
  device_brand?: string
  /**
   * The device manufacturer the user is using.
   */
  device_manufacturer?: string
  /**
   * The device model the user is using.
   */
  device_model?: string
  /**
   * The carrier the user has.
   */
  carrier?: string
  /**
   * The current country of the user.
   */
  country?: string
  /**
   * The current region of the user.
   */
  region?: string
  /**
   * The current city of the user.
   */
  city?: string
  /**
   * The language set by the user.
   */
  language?: string
  /**
   * Whether the user is paying or not.
   */
  paying?: boolean
  /**
   * The version of the app the user was first on.
   */
  start_version?: string
}
