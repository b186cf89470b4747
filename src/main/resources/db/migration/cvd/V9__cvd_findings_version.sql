-- A counter that moves on whenever the findings change (a person re-evaluated after a reading, an import or a care
-- adjustment, or a population refresh swapping in its new table), in the same transaction as the change. The worklist
-- keeps each page's ranking (who is listed, in which order, and how many in all) keyed by this number, reading it (one
-- row) before the ranking on each view, so a change made through any instance is seen by every instance as soon as it
-- commits; the outreach and owner shown beside each person are read on every view. Numbers come from a sequence, which
-- never hands out a number twice: a ranking read inside a transaction that changed the findings and then rolled back is
-- kept under a number no committed state will ever have. The population refresh replaces the table, so it adds the
-- trigger to the new table and moves the counter itself in the transaction that swaps the tables.
CREATE SEQUENCE cvd.findings_version_seq;
CREATE TABLE cvd.findings_version (
	id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
	version BIGINT NOT NULL
);
INSERT INTO cvd.findings_version (id, version) VALUES (TRUE, nextval('cvd.findings_version_seq'));

CREATE FUNCTION cvd.next_findings_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE cvd.findings_version SET version = nextval('cvd.findings_version_seq');
	RETURN NULL;
END
$$;

CREATE TRIGGER findings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cvd.finding
	FOR EACH STATEMENT EXECUTE FUNCTION cvd.next_findings_version();
