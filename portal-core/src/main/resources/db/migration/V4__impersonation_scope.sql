-- An impersonating administrator sees only the guardian's children at the schools they serve (R-TEN-2).
alter table portal_sessions add column impersonator_schools varchar(2000);
