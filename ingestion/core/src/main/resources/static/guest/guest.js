// Inviteflow guest page: progressive enhancement of a page that works without it. Keeps the countdown ticking,
// installs the service worker, adds the phone's share sheet, runs the end-to-end encrypted chat and Web Push.
(function () {
  'use strict';
  var body = document.body;
  var token = body.dataset.token;
  var lang = body.dataset.lang || 'en';
  if (!token) return;

  function b64urlToBytes(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function bytesToB64(bytes) {
    var bin = '';
    bytes = new Uint8Array(bytes);
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin);
  }

  // --- the room key: only ever in the link's #fragment and this browser's storage, never sent anywhere ---
  var storageKey = 'inviteflow.key.' + token;
  function roomKey() {
    var match = /(?:^#|&)k=([A-Za-z0-9_-]{43})/.exec(location.hash);
    try {
      if (match) { localStorage.setItem(storageKey, match[1]); return match[1]; }
      return localStorage.getItem(storageKey);
    } catch (e) { return match ? match[1] : null; } // storage may be blocked (private mode)
  }

  // --- countdown ---
  var countdown = document.querySelector('.countdown[data-starts]');
  if (countdown && window.Intl && Intl.RelativeTimeFormat) {
    var starts = Date.parse(countdown.dataset.starts);
    var relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    var tick = function () {
      var minutes = Math.round((starts - Date.now()) / 60000);
      if (minutes <= 0) return;
      countdown.textContent = minutes < 60 ? relative.format(minutes, 'minute')
        : minutes < 48 * 60 ? relative.format(Math.round(minutes / 60), 'hour')
        : relative.format(Math.round(minutes / 1440), 'day');
    };
    tick();
    setInterval(tick, 30000);
  }

  // --- the guest's time zone, so reminders keep to their night (sent again only when it changes) ---
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var zoneKey = 'inviteflow.zone.' + token;
    if (zone && localStorage.getItem(zoneKey) !== zone) {
      fetch('/i/' + token + '/time-zone', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ timeZone: zone }) })
        .then(function (r) { if (r.ok) localStorage.setItem(zoneKey, zone); }, function () {});
    }
  } catch (e) { /* no Intl or no storage: the event's time zone counts */ }

  // --- offline: the service worker keeps the last-seen invitation ---
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/i/sw.js').catch(function () { /* the page works without it */ });
  }

  // --- ideas: opening one's details is a click the recommender learns from (once per page view) ---
  document.querySelectorAll('details[data-idea]').forEach(function (el) {
    el.addEventListener('toggle', function once() {
      if (!el.open) return;
      el.removeEventListener('toggle', once);
      var url = '/i/' + token + '/ideas/' + encodeURIComponent(el.dataset.idea) + '/clicks';
      if (navigator.sendBeacon) navigator.sendBeacon(url); else fetch(url, { method: 'POST', keepalive: true });
    });
  });

  // --- sharing ---
  function recordShare(target) {
    var url = '/i/' + token + '/shares?target=' + encodeURIComponent(target);
    if (navigator.sendBeacon) navigator.sendBeacon(url); else fetch(url, { method: 'POST', keepalive: true });
  }
  document.querySelectorAll('[data-share]').forEach(function (el) {
    var target = el.dataset.share;
    if (target === 'native') {
      if (!navigator.share) return;
      el.hidden = false;
      el.addEventListener('click', function () {
        navigator.share({ text: el.dataset.text }).then(function () { recordShare('native'); }, function () {});
      });
    } else if (target === 'copy') {
      el.addEventListener('click', function () {
        var field = document.getElementById(el.dataset.copy);
        var done = function () { el.textContent = el.dataset.copied; recordShare('copy'); };
        if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, function () {});
        else { field.select(); document.execCommand('copy'); done(); }
      });
    } else {
      el.addEventListener('click', function () { recordShare(target); });
    }
  });

  // --- end-to-end encrypted chat ---
  var chat = document.getElementById('chat');
  if (chat) startChat(chat);

  function startChat(section) {
    var status = document.getElementById('chat-status');
    var log = document.getElementById('chat-log');
    var form = document.getElementById('chat-form');
    var input = document.getElementById('chat-text');
    var encoded = roomKey();
    if (!encoded || !window.crypto || !crypto.subtle) { status.textContent = section.dataset.noKey; return; }
    var lastId = 0;
    crypto.subtle.importKey('raw', b64urlToBytes(encoded), 'AES-GCM', false, ['encrypt', 'decrypt'])
      .then(function (key) {
        function show(message) {
          if (message.id <= lastId) return;
          lastId = message.id;
          var item = document.createElement('li');
          item.dataset.id = message.id;
          crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64urlToBytes(message.iv) }, key, b64urlToBytes(message.ciphertext))
            .then(function (plain) {
              var m = JSON.parse(new TextDecoder().decode(plain));
              var who = document.createElement('strong');
              // the name comes from the server, which knows who sent it; a sender cannot choose it
              who.textContent = (message.mine ? section.dataset.me : message.sender) + ': ';
              item.appendChild(who);
              item.appendChild(document.createTextNode(m.t)); // text, never HTML
            }, function () { item.textContent = section.dataset.unreadable; })
            .then(function () { log.scrollTop = log.scrollHeight; });
          log.appendChild(item);
        }
        function stream() {
          var source = new EventSource('/i/' + token + '/chat/stream?after=' + lastId);
          source.addEventListener('message', function (e) { show(JSON.parse(e.data)); });
          source.onopen = function () { status.textContent = section.dataset.ready; };
          // the browser reconnects by itself after a dropped stream; a refusal (403, 429) closes it for good
          source.onerror = function () {
            status.textContent = source.readyState === EventSource.CLOSED ? section.dataset.failed : '';
          };
        }
        fetch('/i/' + token + '/chat/messages').then(function (r) { return r.ok ? r.json() : []; })
          .then(function (history) { history.forEach(show); stream(); });
        form.hidden = false;
        form.addEventListener('submit', function (e) {
          e.preventDefault();
          var text = input.value.trim();
          if (!text) return;
          var iv = crypto.getRandomValues(new Uint8Array(12));
          var plain = new TextEncoder().encode(JSON.stringify({ t: text }));
          crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, plain).then(function (sealed) {
            return fetch('/i/' + token + '/chat/messages', {
              method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ iv: bytesToB64(iv), ciphertext: bytesToB64(sealed) })
            });
          }).then(function (r) {
            if (!r.ok) throw new Error(r.status);
            input.value = '';
          }).catch(function () { status.textContent = section.dataset.failed; });
        });
      }, function () { status.textContent = section.dataset.noKey; });
  }

  // --- Web Push: only where the browser can ---
  var push = document.getElementById('push');
  if (push && 'serviceWorker' in navigator && 'PushManager' in window && window.Notification) {
    push.hidden = false;
    var pushStatus = document.getElementById('push-status');
    document.getElementById('push-on').addEventListener('click', function () {
      Notification.requestPermission().then(function (permission) {
        if (permission !== 'granted') throw new Error(permission);
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        return registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: b64urlToBytes(push.dataset.vapid)
        });
      }).then(function (subscription) {
        return fetch('/i/' + token + '/push', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(subscription.toJSON())
        });
      }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        pushStatus.textContent = push.dataset.done;
      }).catch(function () { pushStatus.textContent = push.dataset.failed; });
    });
  }
})();
