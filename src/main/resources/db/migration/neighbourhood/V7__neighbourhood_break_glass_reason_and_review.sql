-- Break-glass: the reason is chosen from a short list (plus free text), and each use is reviewed by a clinical
-- supervisor of the person's Place, who marks it appropriate or to investigate.
ALTER TABLE neighbourhood.break_glass_access ADD COLUMN reason_code VARCHAR(20);
-- uses recorded before the list existed gave free text only
UPDATE neighbourhood.break_glass_access SET reason_code = 'OTHER' WHERE reason_code IS NULL;
ALTER TABLE neighbourhood.break_glass_access ALTER COLUMN reason_code SET NOT NULL;
ALTER TABLE neighbourhood.break_glass_access ADD CONSTRAINT break_glass_reason_code_check
	CHECK (reason_code IN ('EMERGENCY', 'PERSON_ASKED', 'COVERING', 'SAFEGUARDING', 'OTHER'));
ALTER TABLE neighbourhood.break_glass_access ADD COLUMN reviewed_by VARCHAR(100);
ALTER TABLE neighbourhood.break_glass_access ADD COLUMN reviewed_at TIMESTAMPTZ;
ALTER TABLE neighbourhood.break_glass_access ADD COLUMN review_outcome VARCHAR(20)
	CHECK (review_outcome IN ('APPROPRIATE', 'TO_INVESTIGATE'));
ALTER TABLE neighbourhood.break_glass_access ADD COLUMN review_note VARCHAR(500);
ALTER TABLE neighbourhood.break_glass_access ADD CONSTRAINT break_glass_review_complete
	CHECK ((reviewed_at IS NULL) = (review_outcome IS NULL) AND (reviewed_at IS NULL) = (reviewed_by IS NULL));
CREATE INDEX break_glass_to_review_idx ON neighbourhood.break_glass_access (accessed_at)
	WHERE reviewed_at IS NULL;
