/*
 * A stand-in of Stripe.js v3 — not Stripe.js. The Stripe stand-in serves it at /v3/ so the guest page's card form runs
 * here without the internet. It offers the calls Inviteflow makes, with Stripe.js's signatures and result shapes:
 * Stripe(key), elements().create('card').mount(…)/.on('change', …), createPaymentMethod, retrievePaymentIntent and
 * handleNextAction. The card fields are plain inputs on the page (Stripe's live in an iframe of Stripe's, so the card
 * never touches the page); 3-D Secure is a dialog with Stripe's test buttons.
 */
(function () {
  'use strict';
  var api = new URL(document.currentScript.src).origin;

  // form-encoded, no custom headers: a "simple" cross-origin request, as Stripe.js makes with the publishable key
  function call(method, path, fields) {
    var query = new URLSearchParams(fields);
    var request = method === 'GET' ? fetch(api + path + '?' + query) : fetch(api + path, { method: method, body: query });
    return request.then(function (response) {
      return response.json().then(function (body) {
        return response.ok ? { ok: body } : { error: body.error };
      });
    }, function () {
      return { error: { type: 'api_connection_error', message: 'We could not reach Stripe. Try again.' } };
    });
  }

  function input(name, label, placeholder, autocomplete) {
    var field = document.createElement('input');
    field.name = name;
    field.setAttribute('aria-label', label);
    field.placeholder = placeholder;
    field.autocomplete = autocomplete;
    field.inputMode = 'numeric';
    field.style.cssText = 'border:0;font:inherit;min-width:0;flex:1;background:transparent';
    return field;
  }

  function CardElement() {
    this.handlers = {};
  }

  CardElement.prototype.mount = function (target) {
    var host = typeof target === 'string' ? document.querySelector(target) : target;
    var self = this;
    this.number = input('cardnumber', 'Card number', '1234 1234 1234 1234', 'cc-number');
    this.expiry = input('exp-date', 'Expiration date MM / YY', 'MM / YY', 'cc-exp');
    this.cvc = input('cvc', 'CVC', 'CVC', 'cc-csc');
    this.number.style.flex = '3';
    var box = document.createElement('div');
    box.className = 'StripeElement';
    box.style.cssText = 'display:flex;gap:.5rem;padding:.5rem;border:1px solid #ccc;border-radius:4px';
    [this.number, this.expiry, this.cvc].forEach(function (field) {
      field.addEventListener('input', function () { self.emit(); });
      box.appendChild(field);
    });
    host.innerHTML = '';
    host.appendChild(box);
  };

  CardElement.prototype.on = function (type, handler) {
    (this.handlers[type] = this.handlers[type] || []).push(handler);
    return this;
  };

  CardElement.prototype.values = function () {
    var expiry = this.expiry.value.replace(/\s/g, '').split('/');
    return { number: this.number.value.replace(/[\s-]/g, ''), month: expiry[0] || '', year: expiry[1] || '',
      cvc: this.cvc.value.trim() };
  };

  CardElement.prototype.emit = function () {
    var v = this.values();
    var event = { elementType: 'card', empty: !v.number && !v.month && !v.cvc,
      complete: /^\d{12,19}$/.test(v.number) && /^\d{1,2}$/.test(v.month) && /^\d{2,4}$/.test(v.year)
        && /^\d{3,4}$/.test(v.cvc), error: undefined };
    (this.handlers.change || []).forEach(function (handler) { handler(event); });
  };

  function challenge() {
    return new Promise(function (resolve) {
      var dialog = document.createElement('dialog');
      dialog.setAttribute('aria-label', '3D Secure test page');
      dialog.innerHTML = '<p><strong>3D Secure 2 test page</strong> (Stripe stand-in: no bank is asked)</p>'
        + '<button type="button" value="complete">Complete authentication</button> '
        + '<button type="button" value="fail">Fail authentication</button>';
      dialog.querySelectorAll('button').forEach(function (button) {
        button.addEventListener('click', function () {
          dialog.close();
          dialog.remove();
          resolve(button.value);
        });
      });
      document.body.appendChild(dialog);
      dialog.showModal();
    });
  }

  function intentId(clientSecret) {
    return String(clientSecret).split('_secret_')[0];
  }

  function Stripe(key) {
    if (!(this instanceof Stripe)) {
      return new Stripe(key);
    }
    this.key = key;
  }

  Stripe.prototype.elements = function () {
    return {
      create: function (type) {
        if (type !== 'card') {
          throw new Error('the Stripe.js stand-in offers the card element only, not ' + type);
        }
        return new CardElement();
      }
    };
  };

  Stripe.prototype.createPaymentMethod = function (params) {
    var v = params.card.values();
    var fields = { key: this.key, type: 'card', 'card[number]': v.number, 'card[exp_month]': v.month,
      'card[exp_year]': v.year, 'card[cvc]': v.cvc };
    var billing = params.billing_details || {};
    Object.keys(billing).forEach(function (name) {
      if (billing[name]) {
        fields['billing_details[' + name + ']'] = billing[name];
      }
    });
    return call('POST', '/v1/payment_methods', fields).then(function (r) {
      return r.error ? { error: r.error } : { paymentMethod: r.ok };
    });
  };

  Stripe.prototype.retrievePaymentIntent = function (clientSecret) {
    return call('GET', '/v1/payment_intents/' + intentId(clientSecret), { key: this.key, client_secret: clientSecret })
      .then(function (r) { return r.error ? { error: r.error } : { paymentIntent: r.ok }; });
  };

  Stripe.prototype.handleNextAction = function (params) {
    var key = this.key;
    var secret = params.clientSecret;
    return challenge().then(function (outcome) {
      return call('POST', '/v1/payment_intents/' + intentId(secret) + '/stand_in_authenticate',
        { key: key, client_secret: secret, outcome: outcome });
    }).then(function (r) {
      if (r.error) {
        return { error: r.error };
      }
      if (r.ok.status === 'succeeded') {
        return { paymentIntent: r.ok };
      }
      var error = r.ok.last_payment_error || {};
      return { error: { type: error.type, code: error.code, message: error.message, payment_intent: r.ok } };
    });
  };

  window.Stripe = Stripe;
})();
