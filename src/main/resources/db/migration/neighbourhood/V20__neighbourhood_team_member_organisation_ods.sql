-- The ODS code of a member's organisation when it is one the directory holds (a BOB practice or PCN), chosen from the
-- directory when the member is added; empty for organisations the directory does not hold (a trust, a council, a
-- charity), which stay a name only. The FHIR CareTeam sends the code as the organisation's identifier.
ALTER TABLE neighbourhood.team_member ADD COLUMN organisation_ods VARCHAR(10);
