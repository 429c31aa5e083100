// Card payment on the invitation page. The card is typed into Stripe.js's field and goes to Stripe only; Stripe
// hands back a payment method id, which this puts into the form before it is sent, so the core confirms the payment
// with that id (the same form works without this script for anyone who has a payment method id).
// A payment the buyer's bank wants confirmed (3-D Secure) is finished here with Stripe.js, then sent again: the core
// reads back that it succeeded.
(function () {
  'use strict';

  function show(alert, message) {
    alert.textContent = message;
    alert.hidden = !message;
  }

  function submitWith(form, paymentMethod) {
    form.querySelector('input[name=paymentMethod]').value = paymentMethod;
    form.submit();
  }

  function finishAuthentication(stripe, form, alert) {
    var secret = form.dataset.clientSecret;
    stripe.retrievePaymentIntent(secret).then(function (read) {
      if (!read.paymentIntent || read.paymentIntent.status !== 'requires_action') {
        return;
      }
      stripe.handleNextAction({ clientSecret: secret }).then(function (result) {
        if (result.error) {
          show(alert, result.error.message);
        } else {
          submitWith(form, result.paymentIntent.payment_method);
        }
      });
    });
  }

  document.querySelectorAll('form.card-payment').forEach(function (form) {
    var alert = form.querySelector('.card-alert');
    var button = form.querySelector('button[type=submit]');
    if (typeof window.Stripe !== 'function') {
      button.disabled = true; // Stripe.js did not load (blocked, offline): say nothing wrong, just do not pretend
      return;
    }
    var stripe = window.Stripe(form.dataset.key);
    var card = stripe.elements({ locale: document.body.dataset.lang || 'auto' }).create('card');
    card.mount(form.querySelector('.card-field'));
    card.on('change', function (event) {
      show(alert, event.error ? event.error.message : '');
    });
    if (form.dataset.clientSecret) {
      finishAuthentication(stripe, form, alert);
    }
    form.addEventListener('submit', function (event) {
      if (form.querySelector('input[name=paymentMethod]').value) {
        return;
      }
      event.preventDefault();
      button.disabled = true;
      stripe.createPaymentMethod({
        type: 'card',
        card: card,
        billing_details: { name: form.dataset.name, email: form.dataset.email }
      }).then(function (result) {
        if (result.error) {
          show(alert, result.error.message);
          button.disabled = false;
        } else {
          submitWith(form, result.paymentMethod.id);
        }
      });
    });
  });
})();
