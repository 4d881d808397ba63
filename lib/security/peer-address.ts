import http from 'node:http';

/**
 * Next.js gives server code the request's headers, not its socket. At start-up the server process
 * stamps every incoming request with the socket's peer address in this header, replacing whatever a
 * client sent under the same name, so that sign-in throttling can rely on an address the client
 * cannot choose (lib/auth/throttle.ts). Until the stamp is installed the header is not trusted.
 */
export const PEER_ADDRESS_HEADER = 'x-mend-peer-address';

const slot = globalThis as unknown as { __mendPeerAddressInstalled?: boolean };

export function installPeerAddressHeader(): void {
  if (slot.__mendPeerAddressInstalled) return;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
  slot.__mendPeerAddressInstalled = true;
}

export function peerAddressTrusted(): boolean {
  return slot.__mendPeerAddressInstalled === true;
}
