'use client';

import { useState } from 'react';
import { savePushSubscription } from '@/lib/reminders/actions';
import { Button } from './design/button';
import { Toast } from './design/toast';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = `${base64url}${'='.repeat((4 - (base64url.length % 4)) % 4)}`.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Turns on notifications for this browser: registers the service worker, asks the browser for a push
 * subscription with the server's public key, and stores it for the signed-in member.
 */
export function PushSubscribe({ publicKey, devices }: { publicKey: string | null; devices: number }) {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [working, setWorking] = useState(false);
  const [count, setCount] = useState(devices);

  if (!publicKey) {
    return <p className="text-sm text-slate-600">Notifications on devices are not set up on this Mend server.</p>;
  }

  async function enable() {
    setWorking(true);
    setMessage(null);
    try {
      if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        setMessage({ tone: 'error', text: 'This browser cannot show notifications from Mend. Email reminders still work.' });
        return;
      }
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setMessage({ tone: 'error', text: 'Notifications are blocked for Mend in this browser. Allow them in the site settings, then try again.' });
        return;
      }
      await navigator.serviceWorker.register('/sw.js');
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey!) }));
      const json = subscription.toJSON();
      const result = await savePushSubscription(null, { endpoint: json.endpoint ?? '', p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' });
      if (result.ok) {
        setMessage({ tone: 'ok', text: 'Notifications are on for this device.' });
        setCount((n) => Math.max(n, 1));
      } else {
        setMessage({ tone: 'error', text: result.formError ?? 'The subscription could not be saved. Try again.' });
      }
    } catch {
      setMessage({ tone: 'error', text: 'This browser could not reach its notification service. Try again later; email reminders still work.' });
    } finally {
      setWorking(false);
    }
  }

  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="push-devices">
        {count ? `Notifications are on for ${count === 1 ? 'one device' : `${count} devices`}.` : 'No device gets notifications yet.'}
      </p>
      <Button variant="secondary" onClick={enable} pending={working}>
        {working ? 'Turning on…' : 'Turn on notifications on this device'}
      </Button>
      {message?.tone === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {message.text}
        </p>
      ) : null}
      <Toast message={message && message.tone !== 'error' ? message.text : null} />
    </div>
  );
}
