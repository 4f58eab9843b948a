/** The kinds of operation the journal records; the core writes them, the Activity screen words them. */
export const OPERATION_KINDS = [
  'payment.add',
  'link.create',
  'link.email',
  'payment.confirm',
  'payment.cancel',
  'payment.refund',
  'status.sync',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
