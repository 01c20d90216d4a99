// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * The organization ID of your FullStory account (Settings → Data Capture → FullStory Setup).
   */
  orgId: string
  /**
   * Where the FullStory script is loaded from. Only for tests and self-hosting.
   */
  scriptUrl?: string
}
