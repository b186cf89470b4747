-- The MDT record: the agenda is frozen when the meeting starts (so a past agenda never changes), attendance, and
-- per-person discussion notes; with the decisions they make the minutes.
ALTER TABLE neighbourhood.meeting ADD COLUMN started_at TIMESTAMPTZ;
ALTER TABLE neighbourhood.meeting ADD COLUMN started_by VARCHAR(100);
ALTER TABLE neighbourhood.meeting ADD COLUMN agenda_snapshot TEXT;

CREATE TABLE neighbourhood.meeting_attendance (
	meeting_id UUID NOT NULL REFERENCES neighbourhood.meeting (id),
	member_id UUID NOT NULL REFERENCES neighbourhood.team_member (id),
	recorded_by VARCHAR(100) NOT NULL,
	PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE neighbourhood.meeting_note (
	id BIGSERIAL PRIMARY KEY,
	meeting_id UUID NOT NULL REFERENCES neighbourhood.meeting (id),
	caseload_entry_id UUID NOT NULL REFERENCES neighbourhood.caseload_entry (id),
	note VARCHAR(4000) NOT NULL,
	recorded_by VARCHAR(100) NOT NULL,
	recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_note_meeting_idx ON neighbourhood.meeting_note (meeting_id);
