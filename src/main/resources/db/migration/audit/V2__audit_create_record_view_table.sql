-- One row for every time a user saw a person's identifiable record: who, when, whose, where and why.
CREATE TABLE audit.record_view (
	id BIGSERIAL PRIMARY KEY,
	viewed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	username VARCHAR(60) NOT NULL,
	nhs_number CHAR(10) NOT NULL,
	page VARCHAR(200) NOT NULL,
	purpose VARCHAR(200) NOT NULL
);
CREATE INDEX record_view_viewed_at_idx ON audit.record_view (viewed_at DESC);
CREATE INDEX record_view_nhs_number_idx ON audit.record_view (nhs_number, viewed_at DESC);
CREATE INDEX record_view_username_idx ON audit.record_view (username, viewed_at DESC);
