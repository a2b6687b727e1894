/**
 * The consent module (Toestemmingen, R-CONS), id {@code consent}: a school's purposes (photos on the website, in
 * the newsletter, ...) with versioned texts, each child's effective answer, and the proof of every answer.
 *
 * <ul>
 *   <li>Guardian: the child page lists each purpose that applies this school year with its current text and the
 *   child's effective answer (never another guardian's own answer), and under each purpose the action
 *   {@code answer} (purpose, optional version, yes/no; nothing preselected). The dashboard asks while a purpose is
 *   unanswered. A section {@code history} (also as PDF) shows when what holds changed.</li>
 *   <li>Rules ({@link nl.ouderportaal.modules.consent.Consents}): only answers to the current version count; yes
 *   only when every guardian who answered said yes and at least one did (school option: every guardian must
 *   answer); from the 16th birthday only the pupil's answer counts, recorded by staff.</li>
 *   <li>Staff actions: {@code add-purpose}, {@code change-text} (a new version that asks again),
 *   {@code retire-purpose}, {@code record-pupil-answer} (16+, from paper), {@code send-reminder} (a dry run until
 *   {@code confirm} is true). Staff views: {@code class-list} ({@code ?group=}), {@code not-answered},
 *   {@code history} ({@code ?child=}, the proof with who, when, version and how).</li>
 *   <li>Records (portal-owned): {@code purpose}, {@code purpose-text} (append-only) and {@code answer}
 *   (append-only). An optional {@link nl.ouderportaal.modules.consent.ConsentSink} hears every change of an
 *   effective answer.</li>
 * </ul>
 */
package nl.ouderportaal.modules.consent;
