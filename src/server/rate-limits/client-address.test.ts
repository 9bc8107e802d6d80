import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/server/env";
import { normalizeAddress, PEER_ADDRESS_HEADER, readClientAddress, UNKNOWN_ADDRESS } from "./client-address";

afterEach(() => {
  delete process.env.CONVLAB_TRUSTED_PROXY_HEADER;
  resetEnvCache();
});

describe("readClientAddress", () => {
  it("ignores X-Forwarded-For unless the operator names it, and counts the socket's peer", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.9", [PEER_ADDRESS_HEADER]: "203.0.113.7" });
    expect(readClientAddress(headers)).toBe("203.0.113.7");
  });

  it("takes the right-most entry of the trusted header: the one the operator's proxy appended", () => {
    process.env.CONVLAB_TRUSTED_PROXY_HEADER = "X-Forwarded-For";
    resetEnvCache();
    const headers = new Headers({ "x-forwarded-for": "198.51.100.9, 192.0.2.4", [PEER_ADDRESS_HEADER]: "10.0.0.2" });
    expect(readClientAddress(headers)).toBe("192.0.2.4");
    // a proxy that did not set it: the peer, not nothing
    expect(readClientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }))).toBe("10.0.0.2");
  });

  it("puts requests with no known address in one shared bucket", () => {
    expect(readClientAddress(new Headers())).toBe(UNKNOWN_ADDRESS);
    expect(readClientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "not an address" }))).toBe(UNKNOWN_ADDRESS);
  });
});

describe("normalizeAddress", () => {
  it("unwraps IPv4-mapped IPv6 and ports, and groups IPv6 by /64", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:db8:0:12::1]:443")).toBe("2001:db8:0:12::/64");
    expect(normalizeAddress("2001:0db8:0000:0012:ffff:1:2:3")).toBe("2001:db8:0:12::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("evil")).toBeNull();
  });
});
