import { createServer, connect, Server, Socket } from 'node:net';

/**
 * How the proxy treats the traffic: forwards it, holds it (a network stall), holds only the
 * server's replies (requests still reach it), or cuts every connection and refuses new ones.
 */
export type ProxyMode = 'forward' | 'stall' | 'stall-replies' | 'cut';

/**
 * A TCP proxy in front of a server (PostgreSQL, an app), started by a test to play the network's
 * faults: in `stall` bytes stop flowing both ways while the connections stay open (in
 * `stall-replies` only those from the server: it still gets and acts on requests); in `cut` every
 * connection is reset and new ones are refused until the mode is `forward` again.
 */
export class TcpProxy {
  private mode: ProxyMode = 'forward';
  private readonly pairs = new Set<[Socket, Socket]>();
  /** Bytes that arrived during a stall, delivered in order when it ends. */
  private held: { to: Socket; data: Buffer }[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return holder.proxy;
  }

  /** The URL with its host and port replaced by the proxy's. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.port);
    return routed.toString();
  }

  set(mode: ProxyMode): void {
    this.mode = mode;
    const held = this.held;
    this.held = [];
    if (mode === 'cut') {
      for (const [client, upstream] of this.pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
    } else if (mode === 'forward') {
      for (const { to, data } of held) if (!to.destroyed) to.write(data);
    }
  }

  private forward(to: Socket, data: Buffer, reply: boolean): void {
    if (this.mode === 'stall' || (this.mode === 'stall-replies' && reply)) this.held.push({ to, data });
    else to.write(data);
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (data: Buffer) => this.forward(upstream, data, false));
    upstream.on('data', (data: Buffer) => this.forward(client, data, true));
  }

  async close(): Promise<void> {
    this.set('cut');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
