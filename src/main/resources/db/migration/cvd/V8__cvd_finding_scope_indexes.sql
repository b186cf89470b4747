-- The worklist lists the findings of the user's scope: a neighbourhood site or a PCN is a tenth of BOB or less, read
-- through these instead of the whole table (the population refresh builds the same indexes on each new table).
CREATE INDEX finding_site_idx ON cvd.finding (site_code);
CREATE INDEX finding_pcn_idx ON cvd.finding (pcn_code);
