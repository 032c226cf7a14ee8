/**
 * Why scenarios whose story is about the invoice made when the money is taken do not apply where
 * goods are invoiced on delivered quantities (`invoice-on-delivery`); the scenarios named cover
 * that configuration's own flow.
 */
export const INVOICED_AT_PAYMENT =
  'asserts the invoice issued when the money is taken (or a fault on that step); invoiced on delivered quantities there is none before shipping and the money waits as an advance: payments/advance-invoiced-on-delivery covers it';

export const CREDIT_NOTE_BEFORE_SHIPPING =
  'asserts the credit note of a refund of money invoiced at payment; invoiced on delivered quantities nothing is invoiced before shipping and the money goes back without one: ecommerce/cancel-before-delivery-invoicing and inventory/cancel-backorder-invoiced-on-delivery cover it';

export const CAPTURE_AGAINST_INVOICE =
  'compares the capture with its invoice when the money comes in; invoiced on delivered quantities the capture is an advance, and any difference from the order total is parked as payment_mismatch (no invoice to write cents off against yet)';
