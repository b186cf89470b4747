-- Where to go, not only which postcode: the street address of a service, as a triage outcome message gives it.
-- Nullable: services listed before this have only their postcode until an administrator adds the address (messages
-- then give the postcode alone). A first line goes with a town; a second line only with a first.
ALTER TABLE directory.service
	ADD COLUMN address_line1 VARCHAR(100),
	ADD COLUMN address_line2 VARCHAR(100),
	ADD COLUMN town VARCHAR(60),
	ADD CONSTRAINT service_address_complete CHECK ((address_line1 IS NULL) = (town IS NULL)
		AND (address_line2 IS NULL OR address_line1 IS NOT NULL));
