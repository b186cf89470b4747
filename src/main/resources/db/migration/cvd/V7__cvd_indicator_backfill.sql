-- Quarters back-filled from the record (each indicator counted as it stood on the quarter end from the dated record)
-- are kept beside the live snapshots taken after a refresh, marked, never mixed with them.
ALTER TABLE cvd.indicator_snapshot ADD COLUMN backfilled boolean NOT NULL DEFAULT false;
ALTER TABLE cvd.indicator_snapshot DROP CONSTRAINT indicator_snapshot_pkey;
ALTER TABLE cvd.indicator_snapshot ADD PRIMARY KEY (quarter_end, practice_code, backfilled);

-- One row per back-filled quarter: when, and how many people had no recorded registration start (counted as
-- registered throughout).
CREATE TABLE cvd.indicator_backfill (
	quarter_end                 date        PRIMARY KEY,
	backfilled_at               timestamptz NOT NULL,
	people                      bigint      NOT NULL,
	registration_start_unknown  bigint      NOT NULL
);

-- An indicator the record cannot give for a back-filled quarter, and why (shown on the page instead of a point).
CREATE TABLE cvd.indicator_backfill_gap (
	quarter_end  date        NOT NULL REFERENCES cvd.indicator_backfill (quarter_end) ON DELETE CASCADE,
	indicator    varchar(40) NOT NULL,
	reason       text        NOT NULL,
	PRIMARY KEY (quarter_end, indicator)
);
