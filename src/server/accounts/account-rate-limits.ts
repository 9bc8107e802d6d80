// Password guessing and account flooding, limited in the account operations themselves: the
// forms' server actions (sign-in.ts, sign-up.ts) and better-auth's HTTP endpoints (a hook in
// auth.ts) count against the same database buckets. Every attempt counts, the right password
// included, so a guesser learns nothing during a lockout.
import "server-only";
import { db } from "@/server/db";
import { enforceRateLimit } from "@/server/rate-limits/consume-rate-limit";
import { readClientAddress } from "@/server/rate-limits/client-address";
import { getRateLimit } from "@/server/rate-limits/rate-limit-settings";

export async function limitSignInAttempt(options: { email: string; headers: Headers }): Promise<void> {
  const address = readClientAddress(options.headers);
  await enforceRateLimit(db, { key: `sign-in-ip:${address}`, limit: getRateLimit("signInPerAddress"), message: "signInAddressLimit" });
  await enforceRateLimit(db, {
    key: `sign-in-account:${options.email.trim().toLowerCase()}`,
    limit: getRateLimit("signInPerAccount"),
    message: "signInAccountLimit",
  });
}

export async function limitSignUp(options: { headers: Headers }): Promise<void> {
  const address = readClientAddress(options.headers);
  await enforceRateLimit(db, { key: `sign-up-ip:${address}`, limit: getRateLimit("signUpPerAddress"), message: "signUpAddressLimit" });
}
