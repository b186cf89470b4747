-- A worklist of a site lists its people in the order of their most urgent finding (WorklistPriority): the site's
-- findings indexed in that order let the page of 25 be read from the front of the index instead of sorting every
-- finding of the site. The expressions are those the list orders by (PostgreSQL matches an expression index to the
-- same expression only); the population refresh builds the same index on each new table (SITE_ORDER_INDEX).
-- The index on the site alone goes: V8 named it, a population refresh names its own, so it is found by its column.
DO $$
DECLARE
	site_only regclass;
BEGIN
	FOR site_only IN
		SELECT i.indexrelid::regclass FROM pg_index i
		JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
		WHERE i.indrelid = 'cvd.finding'::regclass AND i.indnatts = 1 AND a.attname = 'site_code'
	LOOP
		EXECUTE 'DROP INDEX ' || site_only;
	END LOOP;
END $$;
CREATE INDEX finding_site_idx ON cvd.finding (site_code, priority,
	(CASE WHEN coalesce(systolic, 0) >= 160 OR coalesce(diastolic, 0) >= 100 OR coalesce(score, 0) >= 20.0 THEN 0 ELSE 1 END),
	(-coalesce(score, systolic, 0)), (-coalesce(diastolic, 0)), imd_decile, townsend DESC, nhs_number);
