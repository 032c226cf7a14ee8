import { carrierContractsV1 } from '../../mocks/carrier/index.ts';
import { paymentContractsV1 } from '../../mocks/payment/index.ts';
import { shopContractsV1 } from '../../mocks/shop/index.ts';

// The vendor contracts the reference connector was written against (version 1 of each API).
export const CarrierWebhook = carrierContractsV1.CarrierWebhook;
export const PaymentWebhook = paymentContractsV1.PaymentWebhook;
export const ShopWebhook = shopContractsV1.ShopWebhook;
