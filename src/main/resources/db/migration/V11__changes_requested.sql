-- Issue 16: work a reviewer sent back stays flagged for its assignee until it is submitted again.
-- Set and cleared only by the ticket's transitions (TransitionPlan), like its status.
ALTER TABLE ticket ADD COLUMN changes_requested boolean NOT NULL DEFAULT false;
