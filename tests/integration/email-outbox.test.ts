// Without SMTP_URL (the embedded default) mails are kept in the outbox table: on SQLite.
import { createSqliteDatabase } from "../support/test-database";
import { defineOutboxSuite } from "./email-outbox-suite";

defineOutboxSuite("SQLite", () => createSqliteDatabase("email-outbox"));
