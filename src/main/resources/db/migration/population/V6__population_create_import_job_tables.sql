-- FHIR imports started from the administrators' upload page. Progress lives here, not in memory, so whichever
-- instance serves the progress page can show it.
CREATE TABLE population.import_job (
	id UUID PRIMARY KEY,
	file_name VARCHAR(255) NOT NULL,
	started_by VARCHAR(60) NOT NULL,
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	finished_at TIMESTAMP WITH TIME ZONE,
	status VARCHAR(10) NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
	resources_read INT NOT NULL DEFAULT 0,
	people_created INT,
	people_updated INT,
	records_created INT,
	resources_skipped INT,
	error TEXT
);
CREATE INDEX import_job_started_at_idx ON population.import_job (started_at DESC);

-- The first skipped resources of each job, with the reason (a bundle can skip thousands; the count is on the job).
CREATE TABLE population.import_job_skipped (
	job_id UUID NOT NULL REFERENCES population.import_job (id) ON DELETE CASCADE,
	line INT NOT NULL,
	resource_type VARCHAR(60) NOT NULL,
	resource_id VARCHAR(255) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	PRIMARY KEY (job_id, line)
);
