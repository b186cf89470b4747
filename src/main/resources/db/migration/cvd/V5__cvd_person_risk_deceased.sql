-- People who have died stay evaluated (their page still explains them) but leave every dashboard denominator.
ALTER TABLE cvd.person_risk ADD COLUMN deceased boolean NOT NULL DEFAULT false;
