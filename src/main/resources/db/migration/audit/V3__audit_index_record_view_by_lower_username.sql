-- The audit log page filters by username ignoring case; this keeps that filter on an index.
CREATE INDEX record_view_lower_username_idx ON audit.record_view (lower(username), viewed_at DESC);
