// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * Mixpanel project token (Project Settings → Access Keys). A public identifier: it ships in browser code.
   */
  projectToken: string
  /**
   * Mixpanel project API secret, used to authenticate the Import API.
   */
  apiSecret: string
  /**
   * The region your Mixpanel project stores data in.
   */
  apiRegion?: string
}
