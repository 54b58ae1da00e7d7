// The protocol classes the double speaks, loaded from the generated code that the client under
// test ships. Each client registers its classes under the same protobuf names, so the double must
// use the very modules its client uses, and a process must never load both clients.
import { createRequire } from 'node:module';
import type * as grpc from '@grpc/grpc-js';
import type * as FeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type * as FeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb';
import type * as StatusPb from '@eventstore/db-client/generated/status_pb';
import type * as StreamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';

/** The client packages whose protocol the double can speak (the versions it was written for). */
export type ClientPackage = '@eventstore/db-client' | '@kurrent/kurrentdb-client';

/** google.protobuf.Any and Empty, as the generated declarations see them. */
export type AnyMessage = NonNullable<ReturnType<StatusPb.Status['getDetails']>>;
export type GoogleEmpty = NonNullable<ReturnType<StreamsPb.BatchAppendResp.Success['getNoStream']>>;

/** Where each client keeps its generated gRPC code. */
const GENERATED: Record<ClientPackage, string> = {
  '@eventstore/db-client': 'generated',
  '@kurrent/kurrentdb-client': 'generated/kurrentdb/protocols/v1',
};

/**
 * The generated modules. Typed with the 6.x client's declarations; the 1.x client's classes are
 * the same messages with a few added fields, which the double reaches through `optional()`.
 */
export interface Protocol {
  readonly clientPackage: ClientPackage;
  readonly grpc: typeof grpc;
  readonly streams: typeof StreamsPb;
  readonly streamsService: typeof StreamsGrpc.StreamsService;
  readonly shared: typeof SharedPb;
  readonly status: typeof StatusPb;
  readonly features: typeof FeaturesPb;
  readonly featuresService: typeof FeaturesGrpc.ServerFeaturesService;
  readonly Any: new () => AnyMessage;
  readonly Empty: new () => GoogleEmpty;
  /** Encodes messages the client's generated code lacks (newer server details). */
  readonly BinaryWriter: new () => ProtobufWriter;
}

export interface ProtobufWriter {
  writeString(field: number, value: string): void;
  writeUint32(field: number, value: number): void;
  getResultBuffer(): Uint8Array;
}

export function loadProtocol(clientPackage: ClientPackage): Protocol {
  // Resolve from the client package itself, so google-protobuf and grpc-js are its copies too.
  const fromClient = createRequire(
    createRequire(import.meta.url).resolve(`${clientPackage}/package.json`),
  );
  const generated = (file: string): unknown =>
    fromClient(`${clientPackage}/${GENERATED[clientPackage]}/${file}`);
  const streamsGrpc = generated('streams_grpc_pb.js') as typeof StreamsGrpc;
  const featuresGrpc = generated('serverfeatures_grpc_pb.js') as typeof FeaturesGrpc;
  return {
    clientPackage,
    grpc: fromClient('@grpc/grpc-js') as typeof grpc,
    streams: generated('streams_pb.js') as typeof StreamsPb,
    streamsService: streamsGrpc.StreamsService,
    shared: generated('shared_pb.js') as typeof SharedPb,
    status: generated('status_pb.js') as typeof StatusPb,
    features: generated('serverfeatures_pb.js') as typeof FeaturesPb,
    featuresService: featuresGrpc.ServerFeaturesService,
    Any: (fromClient('google-protobuf/google/protobuf/any_pb.js') as Protocol).Any,
    Empty: (fromClient('google-protobuf/google/protobuf/empty_pb.js') as Protocol).Empty,
    BinaryWriter: (fromClient('google-protobuf') as Protocol).BinaryWriter,
  };
}

/** Calls a method that only the newer client's generated classes have; undefined otherwise. */
export function optional<T>(target: object, method: string, ...args: unknown[]): T | undefined {
  const fn = (target as Record<string, unknown>)[method];
  return typeof fn === 'function' ? (fn.apply(target, args) as T) : undefined;
}
