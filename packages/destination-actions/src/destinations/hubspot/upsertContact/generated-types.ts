// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The contact’s email address; the contact is matched on it.
   */
  email: string
  /**
   * The contact’s first name.
   */
  firstname?: string
  /**
   * The contact’s last name.
   */
  lastname?: string
  /**
   * The contact’s phone number.
   */
  phone?: string
  /**
   * The contact’s company.
   */
  company?: string
  /**
   * The contact’s website.
   */
  website?: string
  /**
   * The contact’s city.
   */
  city?: string
  /**
   * The contact’s state or region.
   */
  state?: string
  /**
   * The contact’s country.
   */
  country?: string
  /**
   * The contact’s postal code.
   */
  zip?: string
  /**
   * The contact’s lifecycle stage, e.g. "lead" or "customer".
   */
  lifecyclestage?: string
  /**
   * Any other contact properties, by HubSpot internal property name.
   */
  properties?: {
    [k: string]: unknown
  }
}
