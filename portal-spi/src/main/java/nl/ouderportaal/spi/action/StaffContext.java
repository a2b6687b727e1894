package nl.ouderportaal.spi.action;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.module.ModuleContext;
import nl.ouderportaal.spi.record.ModuleRecords;

/**
 * What the portal hands a staff view or staff action for one call: the staff user (who serves the
 * school and has the role the view or action needs: the portal checked), the school, the moment, the
 * module's options, declared sources and records at the school, and the view's query parameters.
 *
 * <p>Lives for one call on one thread; never {@code null}.
 *
 * @param <O> the module's options type
 * @since 0.2
 */
public interface StaffContext<O> extends ModuleContext<O> {

    StaffActor staff();

    School school();

    Instant now();

    ZoneId zone();

    /** The module's records at {@link #school()}; writable only in {@link StaffAction#run}. */
    ModuleRecords records();

    /** The query parameters of a view ({@code ?group=g-5}), bounded in length; empty for an action. */
    Map<String, String> parameters();
}
