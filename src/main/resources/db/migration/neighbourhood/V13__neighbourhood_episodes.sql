-- Episodes: discharge ends one; re-adding the person opens a new entry linked to the one before, whose plan and
-- history stay readable.
ALTER TABLE neighbourhood.caseload_entry ADD COLUMN previous_entry_id UUID REFERENCES neighbourhood.caseload_entry (id);
-- A discharge holds the person's qualifying data at the time, like a dismissal: they are a candidate again only when
-- those data change.
ALTER TABLE neighbourhood.candidate_dismissal ADD COLUMN caseload_entry_id UUID REFERENCES neighbourhood.caseload_entry (id);
