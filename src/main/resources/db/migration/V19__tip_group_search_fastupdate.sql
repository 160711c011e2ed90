-- Issue 17: every tip looks its group up through tip_group_search, and new groups keep arriving. With
-- GIN's fast update, new entries wait in a pending list that every search reads in full until a vacuum
-- merges it: measured with 2,800 new groups, one tip's grouping took 52 ms instead of 2 ms, and tips are
-- grouped one at a time. Without it each insert updates the index at once (a little dearer per tip).
ALTER INDEX tip_group_search SET (fastupdate = off);
