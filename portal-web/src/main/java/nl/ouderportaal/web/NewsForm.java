package nl.ouderportaal.web;

import java.util.List;
import java.util.Map;

/** The values of the news form, as sent or as stored, for the template. */
public final class NewsForm {

    private final Map<String, List<String>> values;

    NewsForm(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    public String value(String field) {
        List<String> list = values.get(field);
        return list == null || list.isEmpty() || list.get(0) == null ? "" : list.get(0);
    }

    /** Whether the message is for all groups (the default) rather than a selection. */
    public boolean allGroups() {
        return !"groups".equals(value("target"));
    }

    public boolean hasGroup(String group) {
        return values.getOrDefault("groups", List.of()).contains(group);
    }
}
