// The double's front door: a TCP proxy between the client and the gRPC server that can make the
// server misbehave as hung servers and broken networks do, below anything gRPC can report:
// `silent` accepts connections and never answers (nor acknowledges a keep-alive ping), `slow`
// passes the server's bytes on one at a time (a server dripping a byte every few seconds keeps a
// connection alive for ever), and `garbage` answers with bytes that are not HTTP/2.
import net from 'node:net';

export type NetworkMode = 'healthy' | 'silent' | 'slow' | 'garbage';

export interface NetworkOptions {
  /** `slow` only: milliseconds between two bytes; default 200. */
  readonly byteEveryMs?: number;
}

/** What a confused server (or a proxy in the way) might say to an HTTP/2 client. */
const GARBAGE = Buffer.from(
  'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\ncontent-length: 11\r\n\r\nbad gateway',
);

interface Connection {
  readonly client: net.Socket;
  upstream: net.Socket | undefined;
  /** Bytes from the server not yet passed on in `slow` mode. */
  queue: Buffer;
  drip: NodeJS.Timeout | undefined;
  /** Set once bytes were dropped or invented: the connection is no longer usable. */
  broken: boolean;
}

export class FrontDoor {
  private mode: NetworkMode = 'healthy';
  private byteEveryMs = 200;
  private readonly connections = new Set<Connection>();

  private constructor(
    private readonly listener: net.Server,
    private readonly upstreamPort: number,
  ) {
    listener.on('connection', (socket) => this.accept(socket));
  }

  static async open(upstreamPort: number): Promise<FrontDoor> {
    const listener = net.createServer();
    const door = new FrontDoor(listener, upstreamPort);
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(0, '127.0.0.1', () => resolve());
    });
    return door;
  }

  get port(): number {
    return (this.listener.address() as net.AddressInfo).port;
  }

  /** Switches every connection, open and future, to `mode`. */
  setMode(mode: NetworkMode, options: NetworkOptions = {}): void {
    this.mode = mode;
    this.byteEveryMs = options.byteEveryMs ?? 200;
    for (const connection of this.connections) {
      if (mode === 'healthy' && connection.broken) connection.client.destroy();
      else if (mode === 'garbage') this.spoil(connection);
      else if (mode === 'healthy') this.flush(connection);
    }
  }

  async close(): Promise<void> {
    for (const connection of this.connections) this.drop(connection);
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    const connection: Connection = {
      client,
      upstream: undefined,
      queue: Buffer.alloc(0),
      drip: undefined,
      broken: false,
    };
    this.connections.add(connection);
    client.on('error', () => this.drop(connection));
    client.on('close', () => this.drop(connection));
    client.on('data', (chunk: Buffer) => {
      if (this.mode === 'silent' || this.mode === 'garbage') {
        connection.broken = true;
        return;
      }
      const upstream = this.upstreamOf(connection);
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
    });
    if (this.mode === 'garbage') this.spoil(connection);
  }

  private upstreamOf(connection: Connection): net.Socket {
    if (connection.upstream) return connection.upstream;
    const upstream = net.connect(this.upstreamPort, '127.0.0.1');
    connection.upstream = upstream;
    upstream.on('error', () => this.drop(connection));
    upstream.on('close', () => this.drop(connection));
    upstream.on('data', (chunk: Buffer) => this.fromServer(connection, chunk));
    return upstream;
  }

  private fromServer(connection: Connection, chunk: Buffer): void {
    switch (this.mode) {
      case 'healthy':
        if (connection.queue.length > 0) {
          connection.queue = Buffer.concat([connection.queue, chunk]);
          return this.flush(connection);
        }
        if (!connection.client.write(chunk)) {
          connection.upstream?.pause();
          connection.client.once('drain', () => connection.upstream?.resume());
        }
        return;
      case 'slow':
        connection.queue = Buffer.concat([connection.queue, chunk]);
        return this.startDripping(connection);
      case 'silent':
      case 'garbage':
        connection.broken = true;
        return;
    }
  }

  private startDripping(connection: Connection): void {
    if (connection.drip !== undefined) return;
    connection.drip = setInterval(() => {
      if (this.mode !== 'slow') return;
      const byte = connection.queue.subarray(0, 1);
      if (byte.length === 0) return;
      connection.queue = connection.queue.subarray(1);
      connection.client.write(byte);
    }, this.byteEveryMs);
    // The drip must never keep a test process alive on its own.
    connection.drip.unref();
  }

  /** Back to healthy: whatever the drip still held goes out at once. */
  private flush(connection: Connection): void {
    if (connection.drip !== undefined) clearInterval(connection.drip);
    connection.drip = undefined;
    const pending = connection.queue;
    connection.queue = Buffer.alloc(0);
    if (pending.length > 0) connection.client.write(pending);
  }

  private spoil(connection: Connection): void {
    connection.broken = true;
    if (!connection.client.destroyed) connection.client.end(GARBAGE);
  }

  private drop(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.drip !== undefined) clearInterval(connection.drip);
    connection.client.destroy();
    connection.upstream?.destroy();
  }
}
