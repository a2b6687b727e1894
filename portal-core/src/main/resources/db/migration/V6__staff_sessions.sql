-- Server-side sessions of staff users in the web administration, shared by every node like guardian
-- sessions. The host authenticates staff (R-ACC-12); the portal only keeps who they are for the session.
-- Roles and schools are joined with single spaces (ids never contain whitespace).
create table staff_sessions (
    session_hash        varchar(64)   not null primary key,
    staff_id            varchar(64)   not null,
    staff_name          varchar(200)  not null,
    staff_roles         varchar(200)  not null,
    staff_schools       varchar(4000) not null,
    created_at          timestamp with time zone not null,
    last_seen_at        timestamp with time zone not null,
    absolute_expiry_at  timestamp with time zone not null,
    ended_at            timestamp with time zone,
    end_reason          varchar(32)
);
create index staff_sessions_staff on staff_sessions (staff_id);
