package io.tokenconsole.argyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body up to a limit and no further: a server that sends 300 MB of error page
 * costs the console {@link #LONGEST_ERROR} bytes, not 300 MB. A good (2xx) answer over
 * {@link #LONGEST_ANSWER} fails as {@link TooLarge}; an error answer is cut, since only its start
 * is ever shown. Either way the connection is dropped at the limit rather than read to its end.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {

    /** A page of 200 users with their metadata fits many times over. */
    static final int LONGEST_ANSWER = 16 * 1024 * 1024;
    /** An error message needs its first lines; the redaction scans no more than this either. */
    static final int LONGEST_ERROR = Redaction.LONGEST_SCANNED;

    private final int limit;
    private final int status;
    private final boolean failWhenCut;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int limit, int status, boolean failWhenCut) {
        this.limit = limit;
        this.status = status;
        this.failWhenCut = failWhenCut;
    }

    /** The handler {@link ArgyleClient} reads every answer with. */
    static HttpResponse.BodyHandler<String> handler(int longestAnswer, int longestError) {
        return info -> info.statusCode() / 100 == 2
                ? new BoundedBody(longestAnswer, info.statusCode(), true)
                : new BoundedBody(longestError, info.statusCode(), false);
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription = given;
        given.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = limit - bytes.size();
            int take = Math.min(room, item.remaining());
            byte[] chunk = new byte[take];
            item.get(chunk);
            bytes.write(chunk, 0, take);
            if (item.hasRemaining()) {
                subscription.cancel();
                if (failWhenCut) {
                    body.completeExceptionally(new TooLarge(status, limit));
                } else {
                    body.complete(text());
                }
                return;
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(text());
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A good answer larger than the console will hold. */
    static final class TooLarge extends IOException {
        final int status;
        final int limit;

        TooLarge(int status, int limit) {
            super("the answer is larger than " + limit / (1024 * 1024) + " MiB");
            this.status = status;
            this.limit = limit;
        }
    }
}
