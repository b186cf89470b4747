-- Spring Modulith event publication registry (v2 layout from spring-modulith-events-jdbc 2.1.1,
-- schemas/v2/schema-postgresql.sql), in its own schema so Flyway alone defines it.
CREATE SCHEMA IF NOT EXISTS events;

CREATE TABLE events.event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON events.event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON events.event_publication (completion_date);

CREATE TABLE events.event_publication_archive
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_archive_serialized_event_hash_idx ON events.event_publication_archive USING hash(serialized_event);
CREATE INDEX event_publication_archive_by_completion_date_idx ON events.event_publication_archive (completion_date);
