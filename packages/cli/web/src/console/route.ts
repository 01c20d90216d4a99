// The console's place in the URL hash, so a reload (or a screenshot script) opens the same view:
// #/<view>?instance=…&subscription=…
export type View = 'destinations' | 'add' | 'edit' | 'settings' | 'debugger' | 'overview' | 'log' | 'dead-letters'

const VIEWS: View[] = ['destinations', 'add', 'edit', 'settings', 'debugger', 'overview', 'log', 'dead-letters']

export interface Route {
  view: View
  instance?: string
  subscription?: string
}

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?')
  const view = (VIEWS as string[]).includes(path) ? (path as View) : 'destinations'
  const params = new URLSearchParams(search)
  return {
    view,
    instance: params.get('instance') ?? undefined,
    subscription: params.get('subscription') ?? undefined
  }
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams()
  if (route.instance) params.set('instance', route.instance)
  if (route.subscription) params.set('subscription', route.subscription)
  const search = params.toString()
  return `#/${route.view}${search ? `?${search}` : ''}`
}
