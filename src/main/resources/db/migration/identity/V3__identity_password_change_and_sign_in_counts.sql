-- An administrator's password reset makes the user choose a new password at their next sign-in.
ALTER TABLE identity.staff_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
-- Failed sign-ins are counted with one atomic update; the time of the last one is shown to administrators.
ALTER TABLE identity.staff_user ADD COLUMN last_failed_sign_in_at TIMESTAMP WITH TIME ZONE;
-- Accounts are no longer locked for everyone by failed sign-ins (sign-in throttling is per client address);
-- locks set before this change are cleared.
UPDATE identity.staff_user SET locked_until = NULL, failed_sign_ins = 0;
