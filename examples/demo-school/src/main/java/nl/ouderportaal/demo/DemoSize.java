package nl.ouderportaal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * How large a generated demo world is: the number of generated pupils of each school, in school order
 * (the first school is {@link DemoSchoolGenerator#MAIN_SCHOOL}, the second {@link DemoSchoolGenerator#SECOND_SCHOOL}).
 * The demo family and, in the sized worlds, the benchmark family come on top.
 *
 * @param name a short name, e.g. for a data directory
 * @param pupilsPerSchool generated pupils per school, spread as evenly as possible over groups 1 to 8
 * @param benchmarkFamily whether to add {@link DemoSchoolGenerator#BENCHMARK_GUARDIAN} and her three children
 */
public record DemoSize(String name, List<Integer> pupilsPerSchool, boolean benchmarkFamily) {

    /** The demo's own world: De Regenboog with 200 pupils and De Klimop with 64. */
    public static final DemoSize DEMO = new DemoSize("demo", List.of(200, 64), false);
    /** One school of 250 pupils. */
    public static final DemoSize SMALL = spread("small", 1, 250);
    /** A school board: 40 schools, 10,000 pupils. */
    public static final DemoSize LARGE = spread("large", 40, 10_000);

    public DemoSize {
        pupilsPerSchool = List.copyOf(pupilsPerSchool);
        if (pupilsPerSchool.isEmpty() || pupilsPerSchool.stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("At least one school, and no negative pupil counts: " + pupilsPerSchool);
        }
    }

    /** {@code pupils} spread evenly over {@code schools} schools, with the benchmark family. */
    public static DemoSize spread(String name, int schools, int pupils) {
        List<Integer> perSchool = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            perSchool.add(pupils / schools + (i < pupils % schools ? 1 : 0));
        }
        return new DemoSize(name, perSchool, true);
    }

    public int schools() {
        return pupilsPerSchool.size();
    }

    /** The generated pupils of all schools together, without the families. */
    public int pupils() {
        return pupilsPerSchool.stream().mapToInt(Integer::intValue).sum();
    }
}
