-- R-ACC-13: an administrator may correct a guardian's email before sending login details. The corrected
-- address is kept in an account row with status NONE: it reserves the address (unique) and is the one the
-- invitation goes to. Such a row cannot log in, recover a password or hold a link.
alter table guardian_accounts drop constraint guardian_accounts_status;
alter table guardian_accounts add constraint guardian_accounts_status
    check (status in ('NONE', 'INVITED', 'ACTIVE', 'INACTIVE'));
