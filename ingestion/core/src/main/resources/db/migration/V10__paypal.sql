-- PayPal orders are paid on PayPal's page: the order keeps the link the buyer approves at (Stripe's orders keep a
-- client secret for Stripe.js instead).
ALTER TABLE ticket_order ADD COLUMN approve_url text;
