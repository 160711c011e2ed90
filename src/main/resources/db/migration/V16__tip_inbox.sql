-- The tips inbox lists handled groups too (attached, dismissed), most recently asked first, as
-- tip_group_open (V14) serves the open ones.
CREATE INDEX tip_group_attached ON tip_group (last_at DESC, id DESC) WHERE claim_id IS NOT NULL;
CREATE INDEX tip_group_dismissed ON tip_group (last_at DESC, id DESC) WHERE dismissed_at IS NOT NULL;
