-- A counter that moves on whenever the service directory changes (a service, its offers or opening hours, or a
-- Place's name, which summaries carry), in the same transaction as the change. Each instance keeps the services in
-- memory keyed by this number and reads the number (one row) before using them, so an edit made through any
-- instance is seen by every other as soon as it commits. Numbers come from a sequence, which never hands out a number
-- twice: a copy made inside a transaction that changed the directory and then rolled back is kept with a number no
-- committed state will ever have.
CREATE SEQUENCE directory.service_data_version_seq;
CREATE TABLE directory.service_data_version (
	id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
	version BIGINT NOT NULL
);
INSERT INTO directory.service_data_version (id, version) VALUES (TRUE, nextval('directory.service_data_version_seq'));

CREATE FUNCTION directory.next_service_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE directory.service_data_version SET version = nextval('directory.service_data_version_seq');
	RETURN NULL;
END
$$;

CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.service
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.service_offer
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.service_opening_period
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.place
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
