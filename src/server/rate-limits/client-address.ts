// Whose address a request counts against. Only an operator-named proxy header is believed
// (CONVLAB_TRUSTED_PROXY_HEADER, its right-most entry: the one the operator's own proxy appended);
// otherwise the TCP peer. Next.js hands route handlers and server actions no socket, and keeps an
// X-Forwarded-For the client sent, so installPeerAddressHeader (called from instrumentation.ts)
// stamps every request with its peer address in a header of ours, overwriting any sent copy.
import http from "node:http";
import { isIP } from "node:net";
import { readEnv } from "@/server/env";
import { log } from "@/server/log";

export const PEER_ADDRESS_HEADER = "x-convlab-peer-address";
/** Every request without a known address shares this one subject: limited together, never unlimited. */
export const UNKNOWN_ADDRESS = "unknown";

const installedKey = Symbol.for("convlab.peer-address-header");
type TGlobal = typeof globalThis & { [installedKey]?: boolean };

export function installPeerAddressHeader(): void {
  const g = globalThis as TGlobal;
  if (g[installedKey]) return;
  g[installedKey] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? UNKNOWN_ADDRESS;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** The subject for per-address limits: an IPv4 address, or an IPv6 /64 (one host's usual share). */
export function readClientAddress(headers: Headers): string {
  const trusted = readEnv().CONVLAB_TRUSTED_PROXY_HEADER;
  if (trusted) {
    const fromProxy = normalizeAddress(headers.get(trusted)?.split(",").at(-1) ?? "");
    if (fromProxy) return fromProxy;
  }
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (peer === null) warnOnceNoPeerAddress();
  return normalizeAddress(peer ?? "") ?? UNKNOWN_ADDRESS;
}

const warnedKey = Symbol.for("convlab.no-peer-address-warned");

/** Without the stamp every client shares one address: say so to the operator, once per process. */
function warnOnceNoPeerAddress(): void {
  const g = globalThis as typeof globalThis & { [warnedKey]?: boolean };
  if (g[warnedKey]) return;
  g[warnedKey] = true;
  log("rate-limits", "warn", "a request reached a per-address rate limit without its peer address; all such requests share one limit (is instrumentation.ts running?)");
}

export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" as some proxies write them
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:([\d.]+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
  return null;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
