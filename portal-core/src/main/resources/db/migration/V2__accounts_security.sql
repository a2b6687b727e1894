-- Accounts: throttled logins, revocable one-time links, rate-limited recovery mails.

-- Consecutive failed logins per normalised email address (also for addresses without an account,
-- so that the answer does not reveal which addresses exist).
create table login_throttle (
    email_normalized      varchar(320) not null primary key,
    consecutive_failures  integer      not null,
    locked_until          timestamp with time zone,
    updated_at            timestamp with time zone not null
);

-- A link is refused once used, expired or revoked (a newer link, a new password, a deactivation).
alter table one_time_tokens add column revoked_at timestamp with time zone;

-- Fixed-window counters, e.g. recovery mails per address per hour.
create table rate_limits (
    limit_key     varchar(400) not null primary key,
    window_start  timestamp with time zone not null,
    hits          integer      not null
);
