-- The same-day request's reference (triage.TriageRequestReceived.reference), shown on the keyworker's alert with a
-- link to the request. Alerts received before have none.
ALTER TABLE neighbourhood.keyworker_alert ADD COLUMN reference varchar(12);
