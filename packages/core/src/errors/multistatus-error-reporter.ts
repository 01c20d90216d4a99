// Who is to blame for a multistatus error: the destination's API, or the integration code.
export enum MultiStatusErrorReporter {
  INTEGRATIONS = 'INTEGRATIONS',
  DESTINATION = 'DESTINATION'
}
