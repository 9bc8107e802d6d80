// A Prisma client that counts the SQL statements it sends, for tests that pin down how much
// database work a request costs. Prisma's query event fires once per statement the driver
// adapter runs, transaction BEGIN and COMMIT included.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import type { TDb } from "@/server/db-client";

export interface TStatementCounter {
  db: TDb;
  /** the statements sent since the last reset, in order */
  statements: string[];
  reset: () => void;
}

export function createCountingClient(sqliteUrl: string): TStatementCounter {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqliteUrl }), log: [{ emit: "event", level: "query" }] });
  const counter: TStatementCounter = { db: client as unknown as TDb, statements: [], reset: () => (counter.statements.length = 0) };
  client.$on("query", (event) => counter.statements.push(event.query));
  return counter;
}
