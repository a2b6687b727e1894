package nl.ouderportaal.modules.notes;

import nl.ouderportaal.spi.StudentId;

/**
 * Receives guardians' replies to notes. Implemented by the host, which stores each as a new note in the
 * child's file and may notify staff (R-NOTE-1). Thread-safe; called once per reply.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NoteReplySink {

    void addReply(StudentId student, NoteReply reply);
}
