-- A view may be of a request that has no NHS number yet (named by its reference), and a refused attempt is
-- recorded too: outcome VIEWED, REFUSED (403) or BREAK_GLASS (seen through emergency access).
ALTER TABLE audit.record_view ALTER COLUMN nhs_number DROP NOT NULL;
ALTER TABLE audit.record_view ADD COLUMN request_reference VARCHAR(40);
ALTER TABLE audit.record_view ADD COLUMN outcome VARCHAR(12) NOT NULL DEFAULT 'VIEWED'
	CHECK (outcome IN ('VIEWED', 'REFUSED', 'BREAK_GLASS'));
-- entries written before this change whose purpose says break-glass were break-glass views
UPDATE audit.record_view SET outcome = 'BREAK_GLASS' WHERE purpose LIKE 'Break-glass:%';
-- every view names whose record it was; a refusal may be of a page rather than of one person
ALTER TABLE audit.record_view ADD CONSTRAINT record_view_names_a_record
	CHECK (outcome = 'REFUSED' OR nhs_number IS NOT NULL OR request_reference IS NOT NULL);
CREATE INDEX record_view_request_reference_idx ON audit.record_view (request_reference, viewed_at DESC)
	WHERE request_reference IS NOT NULL;
