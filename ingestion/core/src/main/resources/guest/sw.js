// Inviteflow guest service worker (scope /i/). Invitation pages: network first, the last copy when offline.
// Scripts, artwork and photos: from the cache, refreshed in the background. Push: shows what the sender says.
'use strict';
var PAGES = 'inviteflow-pages-v1';
var ASSETS = 'inviteflow-assets-v1';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) {
  // caches of older versions of this worker go; then take over the open pages
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== PAGES && n !== ASSETS; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && url.pathname.indexOf('/i/') === 0) {
    var key = url.origin + url.pathname; // ?answered, ?lang=… and #… all show the same invitation
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(key, copy); });
      } else if (response.status === 404) {
        // a revoked (or unknown) invitation: its offline copy goes too
        caches.open(PAGES).then(function (cache) { cache.delete(key); });
      }
      return response;
    }).catch(function () {
      return caches.match(key).then(function (cached) { return cached || Response.error(); });
    }));
  } else if (/^\/(guest|artwork|media)\//.test(url.pathname)) {
    event.respondWith(caches.open(ASSETS).then(function (cache) {
      return cache.match(request).then(function (cached) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok && response.status === 200) cache.put(request, response.clone());
          return response;
        });
        return cached || fresh;
      });
    }));
  }
});

self.addEventListener('push', function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || 'Inviteflow', {
    body: data.body || '', data: { url: data.url || self.registration.scope }, lang: data.lang
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
