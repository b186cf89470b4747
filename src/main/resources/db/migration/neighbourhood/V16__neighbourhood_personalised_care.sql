-- The personalised care and support planning parts of a plan (consent to share, agreed with, carers and next of kin,
-- advance care plan and ReSPECT, Clinical Frailty Scale), kept as one JSON document that changes only with its plan
-- and is copied into each version's snapshot like the goals and actions.
ALTER TABLE neighbourhood.caseload_entry ADD COLUMN personalised_care TEXT NOT NULL DEFAULT '{}';
