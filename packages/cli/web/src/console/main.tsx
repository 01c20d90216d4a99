import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { AddDestination } from './AddDestination'
import { consoleApi, errorText } from './console-api'
import { DeadLettersView } from './DeadLettersView'
import { DebuggerView } from './DebuggerView'
import { DestinationsView } from './DestinationsView'
import { EventLogView } from './EventLogView'
import { InstanceSettings } from './InstanceSettings'
import { Login } from './Login'
import { OverviewView } from './OverviewView'
import { parseRoute, routeHash, type Route, type View } from './route'
import { SubscriptionEditor } from './SubscriptionEditor'

const TABS: Array<[View, string]> = [
  ['destinations', 'Destinations'],
  ['debugger', 'Debugger'],
  ['overview', 'Delivery overview'],
  ['log', 'Event log'],
  ['dead-letters', 'Dead letters']
]

const PICKED_EVENT_KEY = 'console.pickedEvent'

function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))
  const [session, setSession] = useState<{ needsLogin: boolean; loggedIn: boolean } | null>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  // The event the debugger picked for the subscription editor's mapping test.
  // Kept for the tab's session, so a reload does not lose it.
  const [pickedEvent, setPickedEvent] = useState<string | undefined>(
    () => sessionStorage.getItem(PICKED_EVENT_KEY) ?? undefined
  )

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onHash)
    consoleApi.session().then(setSession, (error: unknown) => setFatal(errorText(error)))
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const go = (next: Route) => {
    location.hash = routeHash(next)
    setRoute(next)
  }

  if (fatal) return <div class="fatal error">Could not reach the engine: {fatal}</div>
  if (!session) return <div class="loading">Loading…</div>
  if (session.needsLogin && !session.loggedIn) {
    return <Login onDone={() => setSession({ ...session, loggedIn: true })} />
  }
  const scope = { instance: route.instance, subscriptionId: route.subscription }
  const tab = ['add', 'edit', 'settings'].includes(route.view) ? 'destinations' : route.view
  return (
    <div class="console">
      <header>
        <h1>
          Delivery console <span class="dest">{location.host}</span>
        </h1>
        <nav class="views">
          {TABS.map(([view, label]) => (
            <a
              href={routeHash({ view, instance: route.instance, subscription: route.subscription })}
              class={tab === view ? 'active' : ''}
              data-testid={`view-${view}`}
            >
              {label}
            </a>
          ))}
        </nav>
      </header>
      <div class="console-body">
        {route.view === 'destinations' && <DestinationsView go={go} />}
        {route.view === 'add' && <AddDestination go={go} />}
        {route.view === 'edit' && route.instance && (
          <SubscriptionEditor
            key={`${route.instance}/${route.subscription ?? ''}`}
            instanceName={route.instance}
            subscriptionId={route.subscription}
            pickedEvent={pickedEvent}
            go={go}
          />
        )}
        {route.view === 'settings' && route.instance && (
          <InstanceSettings key={route.instance} instanceName={route.instance} go={go} />
        )}
        {route.view === 'debugger' && (
          <DebuggerView
            onPick={(id) => {
              sessionStorage.setItem(PICKED_EVENT_KEY, id)
              setPickedEvent(id)
            }}
            picked={pickedEvent}
          />
        )}
        {route.view === 'overview' && <OverviewView scope={scope} go={go} />}
        {route.view === 'log' && <EventLogView scope={scope} go={go} />}
        {route.view === 'dead-letters' && <DeadLettersView scope={scope} go={go} />}
      </div>
    </div>
  )
}

render(<App />, document.getElementById('app') as HTMLElement)
