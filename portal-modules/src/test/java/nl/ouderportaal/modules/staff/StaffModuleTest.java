package nl.ouderportaal.modules.staff;

import static nl.ouderportaal.modules.support.TestContexts.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.StaffMember;
import nl.ouderportaal.spi.host.StaffSource;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The staff module")
class StaffModuleTest {

    private final TestContexts contexts = new TestContexts().with(StaffSource.class, school -> List.of(new StaffMember(
            StaffId.of("m1"), SCHOOL, new PersonName(null, "Ineke", "de", "Boer"), "Leerkracht groep 5",
            "ineke@regenboog.nl", "030-1234567")));

    @Test
    void emailAndPhoneOnlyWhereTheSchoolChoseToShowThem() {
        Block.Table none = (Block.Table) new StaffModule().schoolPage(contexts.school(StaffOptions.DEFAULTS)).get(0).blocks().get(0);
        Block.Table both = (Block.Table) new StaffModule().schoolPage(contexts.school(new StaffOptions(true, true))).get(0).blocks().get(0);
        Block.Table phone = (Block.Table) new StaffModule().schoolPage(contexts.school(new StaffOptions(false, true))).get(0).blocks().get(0);

        assertThat(none.rows()).containsExactly(List.of(Value.text("Ineke de Boer"), Value.text("Leerkracht groep 5")));
        assertThat(both.rows().get(0)).contains(Value.text("ineke@regenboog.nl"), Value.text("030-1234567"));
        assertThat(phone.rows().get(0)).contains(Value.text("030-1234567")).doesNotContain(Value.text("ineke@regenboog.nl"));
    }
}
