// Without SMTP_URL mails are kept in the outbox table: on PostgreSQL (its enum column included).
import { createPostgresDatabase, pgServerUrl } from "../support/test-database";
import { defineOutboxSuite } from "./email-outbox-suite";

if (!pgServerUrl) console.warn("[email-outbox-pg.test] skipped: CONVLAB_TEST_PG_URL is not set (scripts/pg-test-server.sh starts a server).");

defineOutboxSuite("PostgreSQL", () => createPostgresDatabase("email_outbox"), { skip: !pgServerUrl });
