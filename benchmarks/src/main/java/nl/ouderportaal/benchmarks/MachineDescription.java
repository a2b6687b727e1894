package nl.ouderportaal.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a run was measured on, from /proc and the JVM: figures mean little without it. */
final class MachineDescription {

    private MachineDescription() {
    }

    static String markdown() {
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        String cpu = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown (no /proc/cpuinfo)");
        long processors = cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        String memory = lines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
        String os = osRelease().orElse(System.getProperty("os.name")) + " (" + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")";
        return String.join("\n",
                "- CPU: " + cpu,
                "- Cores: " + Runtime.getRuntime().availableProcessors() + " available to the JVM"
                        + (processors > 0 ? " (" + processors + " logical processors in /proc/cpuinfo)" : ""),
                "- Memory: " + memory,
                "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                "- OS: " + os);
    }

    private static Optional<String> osRelease() {
        return lines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
