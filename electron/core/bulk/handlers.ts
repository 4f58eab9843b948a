import type { Handlers } from '../../shared/contract';
import type { BulkService } from './service';

export type BulkChannels =
  | 'bulk.preflight'
  | 'bulk.start'
  | 'bulk.stop'
  | 'bulk.status'
  | 'bulk.retryFailed'
  | 'bulk.interrupted'
  | 'bulk.resume'
  | 'bulk.dismiss'
  | 'bulk.exportCsv';

export function bulkHandlers(bulk: BulkService): Pick<Handlers, BulkChannels> {
  return {
    'bulk.preflight': (request) => bulk.preflight(request),
    'bulk.start': ({ preflightId }) => bulk.start(preflightId),
    'bulk.stop': ({ batchId }) => bulk.stop(batchId),
    'bulk.status': ({ batchId }) => bulk.status(batchId),
    'bulk.retryFailed': ({ batchId }) => bulk.retryFailed(batchId),
    'bulk.interrupted': () => bulk.interrupted(),
    'bulk.resume': ({ batchId }) => bulk.resume(batchId),
    'bulk.dismiss': ({ batchId }) => bulk.dismiss(batchId),
    'bulk.exportCsv': ({ batchId }) => bulk.exportCsv(batchId),
  };
}
