import http from "node:http";
import { peerAddressHeader } from "./throttle";

// Next.js 16 gives route handlers and Auth.js a Web Request with no socket, and its own
// server fills X-Forwarded-For with the connection's address only when the client sent
// none (base-server.js: `??=`), so a client can write any address there. This hook, put on
// Node's HTTP server when the app starts (instrumentation.ts), stamps every request with
// the connection's address in a header of our own, overwriting whatever a client sent
// under that name. lib/auth/throttle.ts reads it when no proxy is trusted.

const installed = Symbol.for("digital-roadmap.peer-address");
type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** The stamp itself: the socket's address, never a client's copy of the header. */
export function stampPeerAddress(request: http.IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[peerAddressHeader] = address;
  else delete request.headers[peerAddressHeader];
}

/** Once per process: every HTTP server's "request" event stamps the request before any listener sees it. */
export function installPeerAddressStamp(): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: Emit };
  if (proto[installed]) return;
  const emit = proto.emit as Emit;
  proto[installed] = emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeerAddress(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}

/** Takes the hook off again (tests that share a process with others). */
export function removePeerAddressStamp(): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: Emit };
  if (!proto[installed]) return;
  proto.emit = proto[installed] as typeof proto.emit;
  delete proto[installed];
}
