import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { readCookie, xsrfCookieName, xsrfHeaderName } from '../api/client';
import type { ConnectionState, RealtimeEvent, RealtimeListener } from './events';
import { RealtimeContext } from './RealtimeContext';

const hubUrl = '/hubs/events';
const maxRetryDelayMs = 30_000;

// Back off 1 s, 2 s, 4 s ... up to 30 s and never give up: a branch PC may stay open for days across network outages.
function retryDelay(previousAttempts: number) {
  return Math.min(1000 * 2 ** previousAttempts, maxRetryDelayMs);
}

interface Props {
  children: ReactNode;
  /**
   * A paired device's token (kiosk, lobby display). SignalR sends it as a bearer header when negotiating and as the
   * access_token query parameter on the WebSocket, which cannot carry headers. Without it the session cookie is used.
   */
  accessToken?: () => string | undefined;
  /**
   * Runs after every (re)connect, for joining groups the server does not add by itself, such as the one ticket an
   * anonymous status page follows. Group membership does not survive a reconnect, hence "every".
   */
  onConnected?: (connection: HubConnection) => Promise<unknown>;
}

/** Holds one SignalR connection for the signed-in session (or device, or customer page) and fans its events out. */
export function RealtimeProvider({ children, accessToken, onConnected }: Props) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ConnectionState>('connecting');
  const listeners = useRef(new Set<RealtimeListener>());
  // Read when connecting, so that callers may pass inline functions without tearing the connection down on render.
  const options = useRef({ accessToken, onConnected });
  useEffect(() => {
    options.current = { accessToken, onConnected };
  });

  useEffect(() => {
    const xsrfToken = readCookie(document.cookie, xsrfCookieName);
    const token = options.current.accessToken?.();
    const connection: HubConnection = new HubConnectionBuilder()
      .withUrl(hubUrl, {
        headers: xsrfToken ? { [xsrfHeaderName]: xsrfToken } : {},
        ...(token ? { accessTokenFactory: () => options.current.accessToken?.() ?? token } : {}),
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();

    // A connection torn down by this effect's cleanup must not overwrite the state of its successor.
    let stopped = false;
    const setLiveState = (next: ConnectionState) => {
      if (!stopped) setState(next);
    };

    connection.on('event', (event: RealtimeEvent) => listeners.current.forEach((listener) => listener(event)));
    connection.onreconnecting(() => setLiveState('reconnecting'));
    const joinGroups = () => options.current.onConnected?.(connection).catch(() => undefined);
    connection.onreconnected(() => {
      setLiveState('connected');
      void joinGroups();
      // Events sent while we were away are lost; refetch so that every page is current again.
      void queryClient.invalidateQueries();
    });
    connection.onclose(() => setLiveState('disconnected'));

    // Automatic reconnect only covers a connection that was once up, so the first start retries by itself.
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const start = async (attempt: number) => {
      try {
        await connection.start();
        setLiveState('connected');
        void joinGroups();
      } catch {
        if (stopped) return;
        setLiveState('reconnecting');
        retryTimer = setTimeout(() => void start(attempt + 1), retryDelay(attempt));
      }
    };
    setState('connecting');
    void start(0);

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      void connection.stop();
    };
  }, [queryClient]);

  // Stable across state changes, so that subscribers do not resubscribe when the badge changes colour.
  const subscribe = useCallback((listener: RealtimeListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
