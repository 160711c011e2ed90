-- Who holds a delivery's lease: a sender records the outcome of a send only while the lease it
-- sent under is still its own (UPDATE … WHERE id = ? AND lease_token = ?). A sender whose lease
-- ran out and was taken over by another replica, or was cleared by a resend, records nothing.
ALTER TABLE webhook_delivery ADD COLUMN lease_token uuid;
