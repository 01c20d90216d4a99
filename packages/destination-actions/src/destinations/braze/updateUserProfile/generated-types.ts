// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The unique user identifier in Braze.
   */
  external_id?: string
  /**
   * A user alias object; both the name and the label are needed.
   */
  user_alias?: {
    /**
     * The alias name.
     */
    alias_name: string
    /**
     * The alias label.
     */
    alias_label: string
  }
  /**
   * The Braze-generated identifier of the user.
   */
  braze_id?: string | null
  /**
   * When true, Braze only updates existing users and never creates new ones.
   */
  _update_existing_only?: boolean
  /**
   * The user's first name.
   */
  first_name?: string
  /**
   * The user's last name.
   */
  last_name?: string
  /**
   * The user's email address.
   */
  email?: string
  /**
   * The user's phone number.
   */
  phone?: string
  /**
   * M, F, O (other), N (not applicable) or P (prefer not to say).
   */
  gender?: string
  /**
   * The user's date of birth.
   */
  dob?: string | number
  /**
   * The user's country.
   */
  country?: string
  /**
   * The user's home city.
   */
  home_city?: string
  /**
   * The user's language (ISO 639-1).
   */
  language?: string
  /**
   * IANA time zone name, e.g. "America/New_York".
   */
  time_zone?: string
  /**
   * The user’s email subscription state: "opted_in", "subscribed" or "unsubscribed".
   */
  email_subscribe?: string
  /**
   * The user’s push subscription state: "opted_in", "subscribed" or "unsubscribed".
   */
  push_subscribe?: string
  /**
   * Any other attributes to set on the user.
   */
  custom_attributes?: {
    [k: string]: unknown
  }
  /**
   * Send events to Braze in batches of up to 75.
   */
  enable_batching?: boolean
  /**
   * Maximum number of events per batch (Braze allows up to 75).
   */
  batch_size?: number
}
