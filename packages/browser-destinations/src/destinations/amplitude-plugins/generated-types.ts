// Generated file. DO NOT MODIFY IT BY HAND.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Settings {}
