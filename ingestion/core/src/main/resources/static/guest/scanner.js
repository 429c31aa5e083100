// The door's scanner page: sends each code once to /checkin/<device>/scans and shows the verdict. The camera is used
// where the browser has BarcodeDetector (Chrome on Android); elsewhere a handheld scanner or typing fills the field.
(function () {
  'use strict';
  var device = document.body.dataset.device;
  var verdict = document.getElementById('verdict');
  var detail = document.getElementById('detail');
  var field = document.getElementById('code');
  var words = {
    ADMITTED: 'Welcome in', ALREADY_USED: 'Already used', WRONG_EVENT: 'Ticket for another event',
    REFUNDED: 'Refunded: not valid', CANCELLED: 'Cancelled: not valid', REPLACED: 'Replaced by a newer ticket',
    INVALID: 'Not a valid ticket'
  };
  var last = '', lastAt = 0;

  function show(cls, title, text) {
    verdict.className = cls;
    verdict.firstChild.textContent = title;
    detail.textContent = text || '';
    if (navigator.vibrate && cls !== 'ADMITTED') navigator.vibrate(300);
  }

  function check(code) {
    code = code.trim();
    var now = Date.now();
    if (!code || (code === last && now - lastAt < 3000)) return; // the camera sees one code many times a second
    last = code; lastAt = now;
    fetch('/checkin/' + device + '/scans', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code })
    }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (result) {
      var text = [result.holderName, result.tierName].filter(Boolean).join(' · ');
      if (result.verdict === 'ALREADY_USED' && result.checkedInAt) {
        text += ' — in at ' + new Date(result.checkedInAt).toLocaleTimeString() + ' by ' + result.device;
      }
      show(result.verdict, words[result.verdict] || result.verdict, text);
    }).catch(function (e) { show('error', 'Could not check', e.message); });
  }

  document.getElementById('scan').addEventListener('submit', function (e) {
    e.preventDefault();
    check(field.value);
    field.value = '';
    field.focus();
  });

  if ('BarcodeDetector' in window && navigator.mediaDevices) {
    var video = document.getElementById('camera');
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      return video.play();
    }).then(function () {
      var scan = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) check(codes[0].rawValue);
        }).catch(function () {}).then(function () { setTimeout(scan, 200); });
      };
      scan();
    }).catch(function () { /* no camera, or refused: the field still works */ });
  }
})();
