package io.tokenconsole.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;

/** A token taken apart: its segments, its header and payload as JSON, and what decoding had to forgive. */
record DecodedToken(
        TokenSegments segments,
        ObjectNode header,
        ObjectNode payload,
        OptionalInt invalidUtf8Offset,
        List<String> notes) {

    @Override
    public String toString() {
        return "DecodedToken[" + segments + "]";
    }
}
