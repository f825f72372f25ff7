package io.tokenconsole.ui.inspector;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.TokenReport;

/** Where the inspector notes that a pasted token was inspected (the audit log keeps its jti, never the token). */
public interface InspectionLog {

    void tokenInspected(Environment environment, TokenReport report);

    /** For windows without a workspace, and for tests that don't look at the log. */
    static InspectionLog none() {
        return (environment, report) -> { };
    }
}
