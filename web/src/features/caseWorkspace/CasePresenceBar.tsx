import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, readCookie, xsrfCookieName, xsrfHeaderName } from '../../shared/api/client';
import { useRealtimeEvent, useRealtimeState } from '../../shared/realtime';
import { useMe } from '../../shared/session';

const heartbeatMs = 10_000;

interface Presence {
  caseId: string;
  userId: string;
  name: string;
  state: 'viewing' | 'typing' | 'left';
  tab?: string | null;
  seq?: number | null;
  expiresInSeconds: number;
}

/** This page's announcements, numbered: requests can overtake each other, so colleagues drop one older than the last heard. */
interface Announcer {
  tab: string;
  seq: number;
}

type Seen = Record<string, { name: string; state: 'viewing' | 'typing'; until: number }>;

function announce(caseId: string, state: Presence['state'], from: Announcer) {
  const body = { state, tab: from.tab, seq: ++from.seq };
  if (state === 'left') {
    // keepalive lets the request finish while the page unloads (sendBeacon cannot carry the antiforgery header).
    const token = readCookie(document.cookie, xsrfCookieName);
    void fetch(`/api/cases/${caseId}/presence`, {
      method: 'POST',
      keepalive: true,
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', ...(token ? { [xsrfHeaderName]: token } : {}) },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    return;
  }
  void api.POST('/api/cases/{id}/presence', { params: { path: { id: caseId } }, body }).catch(() => undefined);
}

/**
 * Who else has this case open, live: this page announces itself every few seconds and when typing starts or stops;
 * colleagues not heard from within their expiry drop off by themselves (a closed lid, a lost network).
 */
export function CasePresenceBar({ caseId, typing }: { caseId: string; typing: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const [others, setOthers] = useState<Seen>({});
  const state: Presence['state'] = typing ? 'typing' : 'viewing';
  const current = useRef(state);
  const lastEcho = useRef(0);
  const self = useRef<Announcer>({ tab: Math.random().toString(36).slice(2), seq: 0 });
  // The highest announcement number heard from each colleague's page.
  const heard = useRef(new Map<string, number>());
  const connected = useRealtimeState() === 'connected';

  useEffect(() => {
    current.current = state;
    // Announce only once this page can hear the answer: colleagues echo a newcomer at once, and an echo sent before
    // our connection is up is lost until their next heartbeat. A reconnect announces again for the same reason.
    if (connected) announce(caseId, state, self.current);
  }, [caseId, state, connected]);

  useEffect(() => {
    const beat = setInterval(() => announce(caseId, current.current, self.current), heartbeatMs);
    const expire = setInterval(
      () => setOthers((seen) => Object.fromEntries(Object.entries(seen).filter(([, p]) => p.until > Date.now()))),
      2_000,
    );
    const leave = () => announce(caseId, 'left', self.current);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(beat);
      clearInterval(expire);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [caseId]);

  useRealtimeEvent(
    (event) => event.type === 'case.presence' && (event.data as Presence).caseId === caseId,
    (event) => {
      const p = event.data as Presence;
      if (p.userId === me.data?.id) return;
      if (p.tab && p.seq != null) {
        const tab = `${p.userId}/${p.tab}`;
        if (p.seq <= (heard.current.get(tab) ?? -1)) return;
        heard.current.set(tab, p.seq);
      }
      setOthers((seen) => {
        const next = { ...seen };
        if (p.state === 'left') delete next[p.userId];
        else {
          // A newcomer learns of us at once instead of at our next heartbeat.
          if (!seen[p.userId] && Date.now() - lastEcho.current > 2_000) {
            lastEcho.current = Date.now();
            announce(caseId, current.current, self.current);
          }
          next[p.userId] = { name: p.name, state: p.state, until: Date.now() + p.expiresInSeconds * 1000 };
        }
        return next;
      });
    },
  );

  const list = Object.entries(others);
  if (list.length === 0) return null;
  return (
    <Space wrap data-testid="case-presence" role="status">
      {list.map(([id, p]) =>
        p.state === 'typing' ? (
          <Tag key={id} color="#ad4e00" icon={<EditOutlined />}>
            {t('workspace.presence.typing', { name: p.name })}
          </Tag>
        ) : (
          <Tag key={id} color="#0958d9" icon={<EyeOutlined />}>
            {t('workspace.presence.viewing', { name: p.name })}
          </Tag>
        ),
      )}
    </Space>
  );
}
