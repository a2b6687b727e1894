/**
 * The absences module (Absenties): a child's absences with reason, date or period and whether they
 * were authorised; on the dashboard where the school shows it there (R-MOD-3, R-POR-2).
 */
package nl.ouderportaal.modules.absences;
