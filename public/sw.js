// Mend's service worker: shows Web Push notifications. A push carries only a title, one line
// without clinical content ("You have something waiting in Mend") and the page a tap opens.
self.addEventListener('push', (event) => {
  let message = { title: 'Mend', body: 'You have something waiting in Mend', url: '/' };
  try {
    if (event.data) message = { ...message, ...event.data.json() };
  } catch {
    // A payload we cannot read still gets the plain message.
  }
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, data: { url: message.url } }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin);
  // Only ever open a page of this site.
  if (url.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === url.origin);
      return open ? open.navigate(url.href).then((w) => w?.focus()) : self.clients.openWindow(url.href);
    }),
  );
});
