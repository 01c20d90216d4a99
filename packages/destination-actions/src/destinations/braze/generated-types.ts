// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * A Braze REST API key with the users.track permission.
   */
  api_key: string
  /**
   * Your Braze instance, as shown in the dashboard URL (e.g. dashboard-01 → US-01).
   */
  cluster: string
  /**
   * Braze app identifier to attribute events and purchases to (optional).
   */
  app_id?: string
}
