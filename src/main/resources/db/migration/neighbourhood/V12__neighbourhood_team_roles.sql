-- The member list is the access rule: a user reads a team's plans because they are on its list, and their role in
-- the team says whether they also change them (KEYWORKER, MEMBER) or only read them (READ_ONLY).
ALTER TABLE neighbourhood.team_member ADD COLUMN team_role VARCHAR(20) NOT NULL DEFAULT 'MEMBER'
	CHECK (team_role IN ('KEYWORKER', 'MEMBER', 'READ_ONLY'));
-- Keyworkers already assigned keep being keyworkers
UPDATE neighbourhood.team_member m SET team_role = 'KEYWORKER'
	WHERE EXISTS (SELECT 1 FROM neighbourhood.caseload_entry e WHERE e.keyworker_id = m.id);
CREATE INDEX team_member_username_idx ON neighbourhood.team_member (lower(username)) WHERE active;
