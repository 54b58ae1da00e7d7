// Starts the double: an in-process gRPC server on 127.0.0.1 (ephemeral port, no TLS) answering
// the EventStoreDB calls the clients make, built on the service definitions the client ships.
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { serveAppend } from './appendService.js';
import { serveBatchAppend } from './batchAppendService.js';
import type { DoubleContext } from './context.js';
import { Database } from './database.js';
import { serveDelete, serveTombstone } from './deleteService.js';
import { Faults, type FaultPlan } from './faults.js';
import { FrontDoor, type NetworkMode, type NetworkOptions } from './frontDoor.js';
import { loadProtocol, type ClientPackage, type Protocol } from './protocol.js';
import { serveRead } from './readService.js';

/** The server version the double claims; its feature list matches that release. */
const SERVER_VERSION = '24.10.0';

export interface EventStoreDbDoubleOptions {
  /** Whose generated protocol code to serve with; default `@eventstore/db-client`. */
  readonly client?: ClientPackage;
  /** Offer BatchAppend as servers since 21.10 do (default), or only Append as 20.x did. */
  readonly batchAppend?: boolean;
  /** The most bytes one append may carry; default 1 MiB, the server's default. */
  readonly maxAppendSize?: number;
  /** The most bytes one event may take (the server's MaxAppendEventSize); default no limit. */
  readonly maxAppendEventSize?: number;
  /** How many recent event ids an `any` or `stream-exists` append is checked against. */
  readonly recentEventIds?: number;
  /**
   * Puts a front door before the server that can make it hang or misbehave (see `setNetwork`),
   * behaving so from the start. Without it clients connect straight to the server.
   */
  readonly network?: NetworkMode;
}

export interface EventStoreDbDouble {
  readonly client: ClientPackage;
  readonly port: number;
  /** `esdb://127.0.0.1:<port>?tls=false`, or `kurrentdb://…` for the KurrentDB client. */
  readonly connectionString: string;
  /** The connection string with extra settings, e.g. `{ defaultDeadline: 500 }`. */
  connectionStringWith(settings: Readonly<Record<string, string | number | boolean>>): string;
  /** The double's data, for tests that need to look inside or write system events. */
  readonly database: Database;
  /** Makes matching calls fail as a cluster would (unavailable, deadline, not leader, access). */
  injectFault(plan: FaultPlan): void;
  clearFaults(): void;
  /**
   * Makes the server hang or misbehave below gRPC, on open connections and new ones: `silent`
   * never answers, `slow` passes its answers on a byte at a time, `garbage` answers with bytes
   * that are not HTTP/2; `healthy` ends that. Needs a double started with a `network` option.
   */
  setNetwork(mode: NetworkMode, options?: NetworkOptions): void;
  /** Stops listening and drops every open call and connection. */
  close(): Promise<void>;
}

function serveFeatures(protocol: Protocol, batchAppend: boolean) {
  const methods = [
    'read',
    'append',
    'delete',
    'tombstone',
    ...(batchAppend ? ['batchappend'] : []),
  ];
  return (
    _call: ServerUnaryCall<unknown, unknown>,
    callback: sendUnaryData<InstanceType<Protocol['features']['SupportedMethods']>>,
  ): void => {
    const supported = methods.map((method) =>
      new protocol.features.SupportedMethod()
        .setServiceName('event_store.client.streams.streams')
        .setMethodName(method),
    );
    callback(
      null,
      new protocol.features.SupportedMethods()
        .setEventStoreServerVersion(SERVER_VERSION)
        .setMethodsList(supported),
    );
  };
}

export async function startEventStoreDbDouble(
  options: EventStoreDbDoubleOptions = {},
): Promise<EventStoreDbDouble> {
  const client = options.client ?? '@eventstore/db-client';
  const batchAppend = options.batchAppend ?? true;
  const protocol = loadProtocol(client);
  const database = new Database(
    options.recentEventIds === undefined ? {} : { recentEventIds: options.recentEventIds },
  );
  const faults = new Faults();
  let port = 0;
  const context: DoubleContext = {
    protocol,
    database,
    faults,
    maxAppendSize: options.maxAppendSize ?? 1_048_576,
    maxAppendEventSize: options.maxAppendEventSize,
    leader: () => ({ host: '127.0.0.1', port }),
  };
  const server = new protocol.grpc.Server();
  server.addService(protocol.featuresService, {
    getSupportedMethods: serveFeatures(protocol, batchAppend),
  });
  // Without BatchAppend, grpc-js answers that call UNIMPLEMENTED, as a 20.x server would.
  server.addService(protocol.streamsService, {
    read: serveRead(context),
    append: serveAppend(context),
    delete: serveDelete(context),
    tombstone: serveTombstone(context),
    ...(batchAppend ? { batchAppend: serveBatchAppend(context) } : {}),
  });
  const inner = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      protocol.grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    ),
  );
  // Through the front door, if asked for: a TCP proxy is not free.
  const door = options.network === undefined ? undefined : await FrontDoor.open(inner);
  door?.setMode(options.network ?? 'healthy');
  port = door?.port ?? inner;
  const scheme = client === '@kurrent/kurrentdb-client' ? 'kurrentdb' : 'esdb';
  const connectionStringWith = (settings: Readonly<Record<string, string | number | boolean>>) => {
    const query = Object.entries({ tls: false, ...settings })
      .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
      .join('&');
    return `${scheme}://127.0.0.1:${port}?${query}`;
  };
  return {
    client,
    port,
    connectionString: connectionStringWith({}),
    connectionStringWith,
    database,
    injectFault: (plan) => faults.inject(plan),
    clearFaults: () => faults.clear(),
    setNetwork: (mode, network) => {
      if (door === undefined) throw new Error('start the double with a network option first');
      door.setMode(mode, network);
    },
    close: async () => {
      server.forceShutdown();
      await door?.close();
    },
  };
}
