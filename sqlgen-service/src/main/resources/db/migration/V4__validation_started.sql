-- When the current checkpoint's validation was requested, so the time a validation takes can be learnt from the last
-- ones and the remaining time estimated in every stage.
alter table generations add column validation_started_at timestamptz;
