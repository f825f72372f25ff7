package io.tokenconsole.link;

import java.util.List;
import java.util.Optional;

/**
 * What a Link initialisation may carry besides the token: a Flow saved in Argyle's Console, the
 * items to offer (one item skips the search), and the legacy {@code linkKey} that Link 5 no longer
 * needs — sent only when the settings still hold one. Blank values count as absent.
 */
public record LinkOptions(Optional<String> flowId, List<String> items, Optional<String> linkKey) {

    public static final LinkOptions NONE = new LinkOptions(Optional.empty(), List.of(), Optional.empty());

    public LinkOptions {
        flowId = flowId.map(String::strip).filter(value -> !value.isEmpty());
        items = items.stream().map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
        linkKey = linkKey.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** From loose values, e.g. command-line options: {@code null} or blank means "not set". */
    public static LinkOptions of(String flowId, List<String> items, String linkKey) {
        return new LinkOptions(Optional.ofNullable(flowId), items == null ? List.of() : items, Optional.ofNullable(linkKey));
    }

    /** {@code "item_1, item_2"} as typed in a field or after {@code --items}. */
    public static List<String> parseItems(String text) {
        if (text == null) {
            return List.of();
        }
        return List.of(text.split(",")).stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    public LinkOptions withFlowId(String value) {
        return new LinkOptions(Optional.ofNullable(value), items, linkKey);
    }

    public LinkOptions withItems(List<String> value) {
        return new LinkOptions(flowId, value, linkKey);
    }

    public LinkOptions withLinkKey(String value) {
        return new LinkOptions(flowId, items, Optional.ofNullable(value));
    }
}
