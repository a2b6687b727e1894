-- The demo SIS's own database: the host's data, which the portal only reads through the SPI.
create table school (
    id varchar(64) primary key, name varchar(200) not null, street varchar(200) not null,
    house_number varchar(20) not null, postal_code varchar(10), city varchar(100) not null,
    email varchar(200), phone varchar(30), website varchar(200),
    board_name varchar(200), board_email varchar(200), board_website varchar(200)
);
create table branch (
    school_id varchar(64) not null references school (id), name varchar(200) not null, street varchar(200) not null,
    house_number varchar(20) not null, postal_code varchar(10), city varchar(100) not null, phone varchar(30)
);
create table school_year (school_id varchar(64) not null references school (id), start_year int not null,
    primary key (school_id, start_year));
create table staff (
    id varchar(64) primary key, school_id varchar(64) not null references school (id),
    preferred_name varchar(100) not null, infix varchar(20), surname varchar(100) not null,
    role varchar(100), email varchar(200), phone varchar(30)
);
create table class_group (
    id varchar(64) primary key, school_id varchar(64) not null references school (id), start_year int not null,
    name varchar(100) not null, year_level int not null, classroom varchar(50)
);
create table group_teacher (group_id varchar(64) not null references class_group (id),
    staff_id varchar(64) not null references staff (id), primary key (group_id, staff_id));
create table student (
    id varchar(64) primary key, school_id varchar(64) not null references school (id),
    given_names varchar(200), preferred_name varchar(100) not null, infix varchar(20), surname varchar(100) not null,
    birth_date date not null, birth_place varchar(100), gender varchar(12) not null, nationality varchar(100),
    street varchar(200), house_number varchar(20), postal_code varchar(10), city varchar(100),
    address_secret boolean not null, status varchar(20) not null, remark varchar(2000),
    registration_date date not null, first_school_day date, previous_school varchar(200)
);
create table student_group (student_id varchar(64) not null references student (id),
    group_id varchar(64) not null references class_group (id), from_date date not null, until_date date,
    primary key (student_id, group_id));
create table emergency_contact (student_id varchar(64) not null references student (id), position int not null,
    name varchar(200) not null, relation varchar(100), phone varchar(30) not null, primary key (student_id, position));
create table guardian (
    id varchar(64) primary key, preferred_name varchar(100) not null, infix varchar(20), surname varchar(100) not null,
    birth_date date, gender varchar(12), country_of_birth varchar(100), nationality varchar(100),
    education_level varchar(100), street varchar(200), house_number varchar(20), postal_code varchar(10),
    city varchar(100), email varchar(200), mobile_phone varchar(30), gp_name varchar(200), gp_practice varchar(200),
    gp_phone varchar(30), family_name varchar(200), marital_status varchar(50), children_in_family int
);
create table guardian_link (guardian_id varchar(64) not null references guardian (id),
    student_id varchar(64) not null references student (id), relation varchar(20) not null,
    viewing_right boolean not null, primary key (guardian_id, student_id));
create index guardian_link_student on guardian_link (student_id);
create table absence (id varchar(64) primary key, student_id varchar(64) not null references student (id),
    from_date date not null, until_date date not null, reason varchar(200) not null, authorised boolean not null);
create index absence_student on absence (student_id, from_date);
create table activity (id varchar(64) primary key, school_id varchar(64) not null references school (id),
    title varchar(200) not null, description varchar(2000), start_date date not null, end_date date not null,
    published boolean not null);
create table activity_group (activity_id varchar(64) not null references activity (id),
    group_id varchar(64) not null references class_group (id), primary key (activity_id, group_id));
create table note (id varchar(64) primary key, student_id varchar(64) not null references student (id),
    note_date date not null, category varchar(100) not null, category_published boolean not null,
    subject varchar(200) not null, text varchar(4000) not null, author varchar(200));
create index note_student on note (student_id, note_date);
create table plan (id varchar(64) primary key, student_id varchar(64) not null references student (id),
    title varchar(200) not null, start_date date not null, end_date date, problem varchar(2000), goals varchar(2000),
    approach varchar(2000), execution varchar(2000), evaluation varchar(2000));
create index plan_student on plan (student_id, start_date);
create table report (id varchar(64) primary key, student_id varchar(64) not null references student (id),
    title varchar(200) not null, report_date date not null, locked boolean not null, remark varchar(2000));
create index report_student on report (student_id, report_date);
create table report_line (report_id varchar(64) not null references report (id), position int not null,
    part varchar(100) not null, label varchar(200) not null, mark varchar(50) not null, primary key (report_id, position));
create table method_test (id varchar(64) primary key, student_id varchar(64) not null references student (id),
    subject varchar(100) not null, method varchar(100), test varchar(200) not null, test_date date not null,
    score varchar(50) not null, remark varchar(500));
create index method_test_student on method_test (student_id, test_date);
create table national_test (id varchar(64) primary key, student_id varchar(64) not null references student (id),
    family varchar(20) not null, test varchar(200) not null, test_date date not null, level varchar(20),
    adjusted_level varchar(20), level_value varchar(20));
create index national_test_student on national_test (student_id, test_date);
create table medical (student_id varchar(64) primary key references student (id), gp_name varchar(200),
    gp_practice varchar(200), gp_phone varchar(30), medicines varchar(1000), limitations varchar(1000),
    allergies varchar(1000), other varchar(1000));
create table lesson (group_id varchar(64) not null references class_group (id), day_of_week int not null,
    start_time varchar(5) not null, end_time varchar(5) not null, subject varchar(100) not null,
    teacher varchar(200), classroom varchar(50));
create table homework (id varchar(64) primary key, group_id varchar(64) not null references class_group (id),
    subject varchar(100) not null, description varchar(1000), due_date date not null);
