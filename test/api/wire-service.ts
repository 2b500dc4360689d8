import { SFNClient, type SFNClientConfig } from '@aws-sdk/client-sfn';
import { startApiServer, type ApiServer } from '../../lib/api';
import { createLocalService } from '../../lib/runtime';
import type { LocalService } from '../../lib/runtime/local-service-contract';

/** The local service (memory store, virtual clock) behind its HTTP API, with an SDK client pointed at it. */
export interface WireService {
  readonly service: LocalService;
  readonly client: SFNClient;
  /** The server's address, for the AWS CLI and for calls made without the SDK. */
  readonly url: string;
}

/**
 * Opens a WireService for the calling test file (beforeAll) and closes it after its last test
 * (afterAll). Its members are read when the tests run, so a file may keep the returned object.
 */
export function wireService(options: { start: number; client?: Partial<SFNClientConfig> }): WireService {
  let open: { service: LocalService; server: ApiServer; client: SFNClient } | undefined;
  beforeAll(async () => {
    const service = await createLocalService({ store: { kind: 'memory' }, clock: { mode: 'virtual', start: options.start } });
    const server = await startApiServer({ service, port: 0, log: () => {} });
    const client = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1, ...options.client });
    open = { service, server, client };
  });
  afterAll(async () => {
    open?.client.destroy();
    await open?.server.close();
    await open?.service.close();
  });
  const live = () => {
    if (!open) throw new Error('the wire service is used outside its tests');
    return open;
  };
  return {
    get service() {
      return live().service;
    },
    get client() {
      return live().client;
    },
    get url() {
      return live().server.url;
    },
  };
}
