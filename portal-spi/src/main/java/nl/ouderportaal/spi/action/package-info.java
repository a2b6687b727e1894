/**
 * Guardian and staff actions of content modules (R-ACT): what a guardian does for a child or for
 * themself (report a child sick, reply to a note, give consent), and what staff do for a school (set up a
 * purpose, block a slot), with the form that asks for it and the handler that carries it out.
 *
 * <p>The portal decides, in one place, whether an action may run (the viewer sees the child, the module
 * is active, the action is available now, the session may write, the rate limit holds), binds and
 * validates the input record, runs the handler in one transaction with its module records, the audit
 * event and the mails, and renders the form on the pages and in the JSON API. A module only describes
 * the action and carries it out.
 *
 * @since 0.2
 */
package nl.ouderportaal.spi.action;
