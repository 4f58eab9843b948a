import type { Handlers } from '../../shared/contract';
import { cancel } from './cancel';
import { confirm } from './confirm';
import { refund } from './refund';
import type { PaymentsService } from './service';

type PaymentChannels =
  | 'payments.add'
  | 'payments.createLink'
  | 'payments.previewLetter'
  | 'payments.sendLink'
  | 'payments.confirm'
  | 'payments.cancel'
  | 'payments.refund'
  | 'payments.resolve'
  | 'payments.giveBackExtra'
  | 'payments.sync';

export function paymentsHandlers(payments: PaymentsService): Pick<Handlers, PaymentChannels> {
  return {
    'payments.add': (req) => payments.addPayment(req),
    'payments.createLink': ({ paymentId }) => payments.createLink(paymentId),
    'payments.previewLetter': ({ paymentId, language }) => payments.previewLetter(paymentId, language),
    'payments.sendLink': ({ paymentId, to, language }) => payments.sendLink(paymentId, to, language),
    'payments.confirm': ({ paymentId, amount }) => payments.money(confirm.kind, paymentId, amount),
    'payments.cancel': ({ paymentId }) => payments.money(cancel.kind, paymentId),
    'payments.refund': ({ paymentId, amount }) => payments.money(refund.kind, paymentId, amount),
    'payments.resolve': ({ paymentId, opId, happened }) => payments.resolve(paymentId, opId, happened),
    'payments.giveBackExtra': ({ paymentId, invoiceId }) => payments.giveBackExtra(paymentId, invoiceId),
    'payments.sync': ({ paymentIds }) => payments.sync(paymentIds),
  };
}
