-- The label of a plan's first part is an option of the plans module (per school), not a school setting.
alter table school_settings drop column plan_problem_label;
