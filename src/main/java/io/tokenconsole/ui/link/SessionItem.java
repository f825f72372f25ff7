package io.tokenconsole.ui.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.link.LinkEvent;
import io.tokenconsole.link.LinkListener;
import io.tokenconsole.link.LinkSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One of this window's Link sessions: what the list and the view show of it, and its timeline,
 * kept up to date from the session's events (which arrive on a host thread and are handed over to
 * the UI thread).
 */
public final class SessionItem {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> PROBLEMS = Set.of("onError", "onAccountError", LinkEvent.SCRIPT_LOAD_FAILED,
            LinkEvent.FRESH_TOKEN_FAILED);

    private final LinkSession session;
    private final int number;
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", true);
    private final DateTimeFormatter clock;
    private final LinkListener listener;

    SessionItem(LinkSession session, int number, ZoneId zone, Executor uiThread) {
        this.session = session;
        this.number = number;
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
        this.listener = (from, event) -> {
            TimelineRow row = row(event);
            boolean ended = LinkEvent.SESSION_ENDED.equals(event.name());
            uiThread.execute(() -> {
                timeline.add(row);
                if (ended) {
                    open.set(false);
                }
            });
        };
        session.subscribe(listener);
    }

    private TimelineRow row(LinkEvent event) {
        String source = switch (event.source()) {
            case LINK -> "Link";
            case PAGE -> "Page";
            case CONSOLE -> "Console";
        };
        String payload = event.payload().isNull() ? "" : event.payload().toString();
        String detail;
        try {
            detail = event.payload().isNull() ? "" : PRETTY.writeValueAsString(event.payload());
        } catch (JsonProcessingException unwritable) {
            detail = payload;
        }
        boolean problem = PROBLEMS.contains(event.name()) || event.payloadText("errorType").isPresent();
        return new TimelineRow(clock.format(event.receivedAt()), event.name(), source, payload, detail, problem);
    }

    LinkSession session() {
        return session;
    }

    public Environment environment() {
        return session.environment();
    }

    public String userId() {
        return session.userId();
    }

    public String pageAddress() {
        return session.pageAddress().toString();
    }

    public boolean canExpireToken() {
        return session.canExpireToken();
    }

    /** "Flow abc · items item_1, item_2", or that Link starts with its search. */
    public String optionsText() {
        String flow = session.options().flowId().map(id -> "Flow " + id).orElse("No Flow");
        String items = session.options().items().isEmpty() ? "all items (Link starts with its search)"
                : "items " + String.join(", ", session.options().items());
        return flow + " · " + items;
    }

    /** The session's timeline, oldest first: new events are added at the bottom. */
    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "#" + number + " · " + (environment().isProduction() ? "PRODUCTION" : environment().displayName())
                + " · " + userId() + (open.get() ? "" : " · ended");
    }
}
