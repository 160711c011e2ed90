-- The audit trail is append-only: the server inserts events and checkpoints, nothing may change
-- or remove them. These triggers refuse UPDATE and DELETE (per row) and TRUNCATE (per statement)
-- for every role, the owner included. DROP TABLE fires no trigger, so Flyway's clean still works.
--
-- They stop mistakes and ordinary DML; they do not stop the table's owner or a superuser, who can
-- ALTER TABLE ... DISABLE TRIGGER. Against those the hash chains and the public checkpoints are
-- the defence (tampering is detected, not prevented); production can also run the server as a role
-- that only has SELECT and INSERT on these tables (see README, "Audit trail").

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The same SQLSTATE a missing privilege gives, so that callers see one kind of refusal.
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
