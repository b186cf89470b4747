-- A counter that moves on whenever any of the programme's tables changes (sites, teams, projects, measures, values,
-- rebases, fed weeks, enrolments, cohorts, milestones, risks...), in the same transaction as the change. A site page
-- keeps what it rendered keyed by this number (with the site, the day, the user's right to edit and the directory names
-- it shows) and reads the number (one row) before anything else on each request, so a change made through any instance
-- is seen by every instance as soon as it commits. Numbers come from a sequence, which never hands out a number twice:
-- a copy rendered inside a transaction that changed the programme and then rolled back is kept under a number no
-- committed state will ever have. Every table of the schema carries the trigger (ProgrammeDataVersionTests checks that
-- a table added later does too).
CREATE SEQUENCE programme.data_version_seq;
CREATE TABLE programme.data_version (
	id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
	version BIGINT NOT NULL
);
INSERT INTO programme.data_version (id, version) VALUES (TRUE, nextval('programme.data_version_seq'));

CREATE FUNCTION programme.next_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE programme.data_version SET version = nextval('programme.data_version_seq');
	RETURN NULL;
END
$$;

DO $$
DECLARE
	t TEXT;
BEGIN
	FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'programme' AND tablename <> 'data_version' LOOP
		EXECUTE format('CREATE TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme.%I '
			|| 'FOR EACH STATEMENT EXECUTE FUNCTION programme.next_data_version()', t);
	END LOOP;
END
$$;
