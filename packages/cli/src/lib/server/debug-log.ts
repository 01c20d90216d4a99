import createDebug from 'debug'

/**
 * The CLI's own debug namespaces (`DEBUG=action-destinations:*`, or `DEBUG=*` with the libraries'):
 * serve:request (each request and its outcome), serve:reload (file changes and reloads),
 * serve:typecheck (the type check after a reload), serve:lease (destination instances per request).
 */
export const debugLog = {
  request: createDebug('action-destinations:serve:request'),
  reload: createDebug('action-destinations:serve:reload'),
  typecheck: createDebug('action-destinations:serve:typecheck'),
  lease: createDebug('action-destinations:serve:lease')
}
