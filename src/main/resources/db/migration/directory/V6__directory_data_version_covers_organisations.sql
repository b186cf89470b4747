-- The directory's data version (V5) also moves on when a neighbourhood site, a PCN or a practice changes (a Place
-- already moved it), in the same transaction as the change: each instance keeps the practices and sites in memory
-- with the services, keyed by this number, so a page reads the number once for the services, the practice and the hub
-- it shows, and an edit made through any instance is seen by every other as soon as it commits.
CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.neighbourhood_site
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.pcn
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
CREATE TRIGGER service_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory.practice
	FOR EACH STATEMENT EXECUTE FUNCTION directory.next_service_data_version();
