-- The audit log is append-only: the database itself refuses to change or remove an entry,
-- whatever the application does.
CREATE OR REPLACE FUNCTION boxed_audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION boxed_audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_audit_log_append_only();

-- Trigram search over problem text (the browser's full-text filter); the extension ships with
-- the embedded PostgreSQL and with every standard PostgreSQL install (contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS problems_text_trgm ON "problems" USING gin ("text" gin_trgm_ops);
